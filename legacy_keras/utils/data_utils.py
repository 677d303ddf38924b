"""``keras.utils.data_utils`` (Keras 1.2.2): :func:`get_file` downloads a file once and
keeps it in the cache folder, ``~/.keras/datasets``.

Where legacy_keras differs:

* The cache folder honours ``KERAS_HOME`` as Keras 3 does (Keras 3 keeps its datasets in
  ``$KERAS_HOME/datasets``, ``~/.keras/datasets`` by default, as Keras 1 did), so files
  that Keras 3 already downloaded are found.
* A failed download raises :class:`DownloadError` (a subclass of ``Exception``, what
  Keras 1 raised) whose message names the file and where to put it by hand: machines
  without network access are common now. The download goes through a ``.part`` file,
  so a failure leaves no partial file and keeps a cached file that failed its hash
  check (Keras 1 deleted it).
* With ``untar=True`` an already extracted folder is used even when its archive is gone.
* Keras 2's ``extract``, ``file_hash``, ``hash_algorithm``, ``cache_dir`` and
  ``archive_format`` arguments are accepted too.
"""
import hashlib
import os
import shutil
import tarfile
import zipfile
from urllib.error import URLError
from urllib.request import urlretrieve

from legacy_keras.utils.generic_utils import Progbar  # noqa: F401  (Keras 1.2.2 re-export)


class DownloadError(Exception):
    """A file could not be fetched into the Keras cache."""


def _keras_home(cache_dir=None):
    """``cache_dir``, else ``$KERAS_HOME``, else ``~/.keras`` (``/tmp/.keras`` if the
    home folder cannot be written, as in Keras 1.2.2)."""
    base = cache_dir or os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    base = os.path.expanduser(base)
    probe = base if os.path.exists(base) else os.path.dirname(base.rstrip(os.sep)) or "."
    if not os.access(probe, os.W_OK):
        base = os.path.join("/tmp", ".keras")
    return base


def cache_folder(cache_subdir="datasets", cache_dir=None):
    """The folder ``get_file`` keeps its files in (not created)."""
    return os.path.join(_keras_home(cache_dir), cache_subdir)


def _hash_algorithm(file_hash, algorithm):
    if algorithm in ("sha256", "md5"):
        return algorithm
    return "sha256" if len(str(file_hash)) == 64 else "md5"


def validate_file(fpath, md5_hash, algorithm="md5"):
    """Whether the file's hash (MD5 by default, as in Keras 1.2.2) is ``md5_hash``."""
    hasher = hashlib.sha256() if algorithm == "sha256" else hashlib.md5()
    with open(fpath, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            hasher.update(chunk)
    return str(hasher.hexdigest()) == str(md5_hash)


def _hash_matches(fpath, file_hash, algorithm):
    # Called as Keras 1 did (two arguments) for MD5: scripts and tests replace
    # validate_file with their own two-argument function.
    if algorithm == "md5":
        return validate_file(fpath, file_hash)
    return validate_file(fpath, file_hash, algorithm)


def _remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)


def _download(fname, origin, fpath):
    """Fetches ``origin`` into ``fpath`` (through ``fpath.part``, so that a failed
    download leaves no partial file and an existing file as it was); on failure says
    where the file could be put by hand."""
    print("Downloading data from", origin)
    partial = fpath + ".part"
    try:
        urlretrieve(origin, partial)
    except (URLError, OSError, ValueError) as error:
        _remove(partial)
        reason = getattr(error, "reason", None) or error
        raise DownloadError(
            "URL fetch failure on %s: %s -- %s. Could not download %r (is this machine "
            "offline?): copy the file there by hand as %s and run again." % (
                origin, getattr(error, "errno", None), reason, fname, fpath)) from error
    except KeyboardInterrupt:
        _remove(partial)
        raise
    os.replace(partial, fpath)


def _extract_archive(archive, destination, archive_format="auto"):
    """Extracts a tar (any compression) or zip archive; returns whether it did."""
    formats = ["tar", "zip"] if archive_format == "auto" else (
        [archive_format] if isinstance(archive_format, str) else list(archive_format or []))
    for kind in formats:
        if kind == "tar" and tarfile.is_tarfile(archive):
            with tarfile.open(archive) as tfile:
                try:
                    tfile.extractall(path=destination, filter="data")
                except TypeError:  # Python without extraction filters
                    tfile.extractall(path=destination)
            return True
        if kind == "zip" and zipfile.is_zipfile(archive):
            with zipfile.ZipFile(archive) as zfile:
                zfile.extractall(destination)
            return True
    return False


def get_file(fname, origin, untar=False, md5_hash=None, cache_subdir="datasets",
             extract=False, file_hash=None, hash_algorithm="auto", cache_dir=None,
             archive_format="auto"):
    """Path of ``fname`` in the cache, downloading it from ``origin`` if it is not there.

    As in Keras 1.2.2: the file is ``~/.keras/<cache_subdir>/<fname>``; with
    ``untar=True`` the archive is ``<fname>.tar.gz``, extracted in the cache folder, and
    the path returned is the extracted ``<fname>``; with ``md5_hash`` a cached file whose
    hash differs is downloaded again. ``origin`` may be any URL ``urllib`` opens,
    ``file://`` included. See the module docstring for the differences.

    # Raises
        DownloadError: the file is not cached and the download failed.
    """
    datadir = cache_folder(cache_subdir, cache_dir)
    os.makedirs(datadir, exist_ok=True)
    file_hash = file_hash or md5_hash
    algorithm = _hash_algorithm(file_hash, hash_algorithm)

    if untar:
        untar_fpath = os.path.join(datadir, fname)
        if os.path.exists(untar_fpath):
            return untar_fpath
        fpath = untar_fpath + ".tar.gz"
    else:
        fpath = os.path.join(datadir, fname)

    download = not os.path.exists(fpath)
    if not download and file_hash is not None and not _hash_matches(fpath, file_hash, algorithm):
        print("A local file was found, but it seems to be incomplete or outdated.")
        download = True
    if download:
        _download(fname, origin, fpath)

    if untar:
        print("Untaring file...")
        try:
            with tarfile.open(fpath, "r:gz") as tfile:
                try:
                    tfile.extractall(path=datadir, filter="data")
                except TypeError:
                    tfile.extractall(path=datadir)
        except (Exception, KeyboardInterrupt):
            _remove(untar_fpath)
            raise
        return untar_fpath
    if extract:
        _extract_archive(fpath, datadir, archive_format)
    return fpath
