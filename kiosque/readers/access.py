"""Reader pages ask anonymous visitors to log in on the reader log-in page.

Django's LOGIN_URL points at the Wagtail admin's log-in (staff); a reader following
« Mon compte » or « J'aime » without a session belongs on /compte/connexion/ (or its
English twin), and comes back to where they were after logging in.
"""

from django.contrib.auth.decorators import login_required

reader_login_required = login_required(login_url="reader_login")
