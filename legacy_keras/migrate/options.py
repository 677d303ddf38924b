"""Options the `check`, `migrate` and `compare` subcommands share: the Keras 1 release a
script was written for, chosen as `legacy-keras run` chooses it."""
import sys

from legacy_keras import profiles


def add_keras_version_argument(parser):
    """``--keras-version`` for a subcommand's parser."""
    parser.add_argument("--keras-version", metavar="X.Y.Z",
                        help="the Keras 1 release the script was written for (1.0.0 ... "
                        "1.2.2; default: $LEGACY_KERAS_VERSION, a keras==X pin in a "
                        "requirements*.txt / setup.py next to the script, else 1.2.2): its "
                        "defaults that Keras 3 lacks are written out (1.0.x: "
                        "dim_ordering='th')")


def keras_version_for(args, script, command):
    """The Keras 1 release ``script`` was written for, chosen as `legacy-keras run`
    chooses it (legacy_keras.profiles.select), with its one-line stderr note; exits with
    status 2 on an unknown release."""
    try:
        version, source = profiles.select(args.keras_version, script=script)
    except ValueError as error:
        sys.stderr.write("legacy-keras %s: %s\n" % (command, error))
        raise SystemExit(2)
    profiles.note(version, source)
    return version
