"""Regenerates tests/expected_reports/<example>.txt: the `legacy-keras check` report of
each script in examples/ (tests/test_examples.py compares them).

    .venv/bin/python tools/update_expected_reports.py
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = sorted(name for name in os.listdir(os.path.join(ROOT, "examples"))
                  if name.endswith(".py"))


def expected_path(example):
    return os.path.join(ROOT, "tests", "expected_reports", example[:-3] + ".txt")


def report_of(example):
    """The text report of examples/<example>, with the path as written from the root."""
    from legacy_keras.migrate import checker, report

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return report.text_report([checker.check_file("examples/" + example)])
    finally:
        os.chdir(here)


def main():
    sys.path.insert(0, ROOT)
    for example in EXAMPLES:
        with open(expected_path(example), "w", encoding="utf8") as f:
            f.write(report_of(example))
        print("wrote", os.path.relpath(expected_path(example), ROOT))


if __name__ == "__main__":
    main()
