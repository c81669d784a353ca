from kiosque.cli import main

main()
