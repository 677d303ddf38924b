"""Python 2's ``string`` module, for translated Python 2 code (``import string``).

Everything of Python 3's ``string``, plus what Python 2 had and Python 3 removed: the
locale-free constants ``letters``, ``lowercase``, ``uppercase``, ``maketrans`` and the
functions that mirrored ``str`` methods (``join``, ``split``, ``strip``, ``atoi``, ...).
"""
from string import *  # noqa: F401,F403
from string import ascii_letters, ascii_lowercase, ascii_uppercase

letters = ascii_letters
lowercase = ascii_lowercase
uppercase = ascii_uppercase


def maketrans(frm, to):
    return str.maketrans(frm, to)


def atoi(s, base=10):
    return int(s, base)


def atol(s, base=10):
    return int(s, base)


def atof(s):
    return float(s)


def join(words, sep=" "):
    return sep.join(words)


joinfields = join


def split(s, sep=None, maxsplit=-1):
    return s.split(sep, maxsplit)


splitfields = split


def rsplit(s, sep=None, maxsplit=-1):
    return s.rsplit(sep, maxsplit)


def strip(s, chars=None):
    return s.strip(chars)


def lstrip(s, chars=None):
    return s.lstrip(chars)


def rstrip(s, chars=None):
    return s.rstrip(chars)


def lower(s):
    return s.lower()


def upper(s):
    return s.upper()


def swapcase(s):
    return s.swapcase()


def replace(s, old, new, maxreplace=-1):
    return s.replace(old, new, maxreplace)


def find(s, *args):
    return s.find(*args)


def rfind(s, *args):
    return s.rfind(*args)


def index(s, *args):
    return s.index(*args)


def rindex(s, *args):
    return s.rindex(*args)


def count(s, *args):
    return s.count(*args)


def expandtabs(s, tabsize=8):
    return s.expandtabs(tabsize)


def translate(s, table, deletions=""):
    if deletions:
        s = s.translate(str.maketrans("", "", deletions))
    return s.translate(table) if table is not None else s


def zfill(x, width):
    return (x if isinstance(x, str) else repr(x)).zfill(width)


def ljust(s, width, *args):
    return s.ljust(width, *args)


def rjust(s, width, *args):
    return s.rjust(width, *args)


def center(s, width, *args):
    return s.center(width, *args)
