"""The check report, as text (modelled on TensorFlow's tf_upgrade_v2 report: a summary
at the top, then per file, per line) and as JSON."""
import json

RULE = "-" * 80
DOUBLE_RULE = "=" * 80


def counts(reports):
    usages = [usage for report in reports for usage in report.usages]
    automatic = sum(1 for usage in usages if usage.automatic)
    return {"files": len(reports), "usages": len(usages), "automatic": automatic,
            "manual": len(usages) - automatic,
            "errors": sum(1 for report in reports if report.error)}


def summary_lines(reports):
    total = counts(reports)
    files_with_manual = sum(1 for report in reports
                            if any(not usage.automatic for usage in report.usages))
    lines = ["legacy-keras check: Keras 1.2.2 / Theano -> Keras 3", RULE,
             "Checked %d file%s" % (total["files"], "" if total["files"] == 1 else "s"),
             "Found %d Keras 1 / Theano usage%s: %d automatic, %d manual" % (
                 total["usages"], "" if total["usages"] == 1 else "s", total["automatic"],
                 total["manual"])]
    if total["errors"]:
        lines.append("%d file(s) could not be checked" % total["errors"])
    if total["manual"]:
        lines.append("Manual work remains in %d file%s: `legacy-keras migrate` rewrites the "
                     "automatic ones and marks the others with TODO(legacy-keras) comments"
                     % (files_with_manual, "" if files_with_manual == 1 else "s"))
    elif not total["errors"]:
        lines.append("Nothing manual left" + (
            "" if not total["usages"] else ": `legacy-keras migrate` does the rest"))
    return lines + [RULE]


def usage_line(path, usage):
    level = "automatic" if usage.automatic else "MANUAL"
    if usage.kind == "todo":
        return "%s:%d:%d: %s: todo: %s" % (path, usage.line, usage.column, level, usage.keras1)
    target = usage.keras3 if usage.keras3 is not None else "(no Keras 3 equivalent)"
    text = "%s:%d:%d: %s: %s: %s -> %s" % (path, usage.line, usage.column, level, usage.kind,
                                            usage.keras1, target)
    return text + ("  [%s]" % usage.note if usage.note else "")


def text_report(reports):
    """The whole report as text."""
    lines = summary_lines(reports)
    lines += [DOUBLE_RULE, "Detailed log follows:", "", DOUBLE_RULE]
    for report in reports:
        lines += [RULE, "Processing file %r" % report.path, RULE]
        if report.error:
            lines.append("%s: ERROR: %s" % (report.path, report.error))
        elif not report.usages:
            lines.append("(no Keras 1 / Theano usages)")
        lines += [usage_line(report.path, usage) for usage in report.usages]
        lines.append("")
    return "\n".join(lines) + "\n"


def json_report(reports):
    """The whole report as JSON: {"summary": {...}, "files": [{"file", "error",
    "usages": [{"line", "column", "kind", "keras1", "keras3", "automatic", "note"}]}]}."""
    document = {"summary": counts(reports), "files": [
        {"file": report.path, "error": report.error,
         "usages": [usage._asdict() for usage in report.usages]} for report in reports]}
    return json.dumps(document, indent=2) + "\n"
