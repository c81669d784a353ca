"""Pure text rules of the newsroom: no Django here, values come in as arguments."""
