#!/usr/bin/env python3
# NAME
#   eval.py - measure `omamori scan` against labelled message sets
#
# SYNOPSIS
#   tests/evaluation/eval.py --omamori PATH [--check] [--min RATIO] [--messages DIR]
#                 [--verbose] [--timeout SECONDS] [--jobs N] SETDIR...
#
# DESCRIPTION
#   A set is a directory with a labels.tsv and a messages/ directory:
#
#     # covers: <categories this set is judged on>
#     # config: omamori.conf          (relative to SETDIR)
#     <file>\t<expected categories, comma-separated, or ->\t<extra scan args or ->\t<note>
#
#   Every message is scanned with
#     omamori scan [-c SETDIR/CONFIG] [EXTRA ARGS] MESSAGES/FILE
#   and the categories of its findings are compared with the expected ones.
#   Only categories in `covers` count: one found and expected is a true
#   positive (TP), found and not expected a false positive (FP), expected and
#   not found a false negative (FN).  For each set a table shows TP, FP, FN,
#   precision and recall per category and in total; --verbose also lists
#   every mismatch with the rule and masked sample of the finding.
#
#   A scan that crashes, times out, exits with a status other than 0 or does
#   not print exactly one JSON object with a "findings" list is a failure:
#   it is reported and left out of the table.
#
# OPTIONS
#   --omamori PATH   the omamori program to run
#   --check          also fail when a category's precision or recall is
#                    below --min (a category with nothing expected and
#                    nothing found has neither and never fails)
#   --min RATIO      threshold for --check (default 0.97)
#   --messages DIR   read messages from DIR instead of SETDIR/messages
#   --verbose        list each mismatch
#   --timeout SEC    time limit per scan (default 20)
#   --jobs N         scans run at once (default: number of CPUs, at most 8)
#
# EXIT STATUS
#   0  every scan ran (and with --check every category met the threshold)
#   1  a scan failed, or with --check a category is below the threshold
#   2  bad usage, or a labels.tsv that cannot be read
#
# Python 3 standard library only.

import argparse
import concurrent.futures
import json
import os
import shlex
import signal
import subprocess
import sys


class LabelError(Exception):
    """A labels.tsv that cannot be used."""


class Entry:
    def __init__(self, name, expected, args, note, lineno):
        self.name, self.expected, self.args = name, expected, args
        self.note, self.lineno = note, lineno


class LabelSet:
    def __init__(self, setdir, covers, config, msgdir, entries):
        self.setdir, self.covers, self.config = setdir, covers, config
        self.msgdir, self.entries = msgdir, entries


def load_set(setdir, msgdir=None):
    """load_set - read SETDIR/labels.tsv; raise LabelError on any problem."""
    path = os.path.join(setdir, 'labels.tsv')
    try:
        with open(path, encoding='utf-8') as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeError) as e:
        raise LabelError('%s: %s' % (path, e))
    covers, config, entries, seen = None, None, [], {}
    msgdir = msgdir or os.path.join(setdir, 'messages')
    for lineno, line in enumerate(lines, 1):
        where = '%s:%d' % (path, lineno)
        if not line.strip():
            continue
        if line.startswith('#'):
            key, _, value = line[1:].strip().partition(':')
            if key == 'covers' and _:
                covers = value.split()
            elif key == 'config' and _:
                config = value.strip()
            continue
        fields = line.split('\t', 3)
        if len(fields) < 2:
            raise LabelError('%s: expected <file>TAB<categories>[TAB<args>[TAB<note>]]' % where)
        name, cats = fields[0].strip(), fields[1].strip()
        args = fields[2].strip() if len(fields) > 2 else '-'
        note = fields[3].strip() if len(fields) > 3 else ''
        if covers is None:
            raise LabelError('%s: no "# covers:" line before the first entry' % where)
        expected = set() if cats == '-' else {c.strip() for c in cats.split(',') if c.strip()}
        unknown = sorted(expected - set(covers))
        if unknown:
            raise LabelError('%s: %s not in covers' % (where, ', '.join(unknown)))
        try:
            argv = [] if args == '-' else shlex.split(args)
        except ValueError as e:
            raise LabelError('%s: extra args: %s' % (where, e))
        if name in seen:
            raise LabelError('%s: %s already labelled on line %d' % (where, name, seen[name]))
        seen[name] = lineno
        if not os.path.isfile(os.path.join(msgdir, name)):
            raise LabelError('%s: no message %s' % (where, os.path.join(msgdir, name)))
        entries.append(Entry(name, expected, argv, note, lineno))
    if covers is None:
        raise LabelError('%s: no "# covers:" line' % path)
    if config is not None:
        config = os.path.join(setdir, config)
        if not os.path.isfile(config):
            raise LabelError('%s: config %s does not exist' % (path, config))
    return LabelSet(setdir, covers, config, msgdir, entries)


class Outcome:
    """What one scan gave: findings, or the reason it failed."""

    def __init__(self, entry, findings=None, error=None, stderr=''):
        self.entry, self.findings, self.error, self.stderr = entry, findings, error, stderr


def signal_name(n):
    try:
        return signal.Signals(n).name
    except ValueError:
        return 'signal %d' % n


def parse_output(stdout):
    """parse_output - the findings list of one scan, or raise ValueError."""
    try:
        text = stdout.decode('utf-8')
    except UnicodeError:
        raise ValueError('stdout is not UTF-8')
    if not text.strip():
        raise ValueError('printed nothing on stdout')
    try:
        obj = json.loads(text)
    except ValueError as e:
        raise ValueError('stdout is not one JSON object (%s): %s' % (e, text[:120].strip()))
    if not isinstance(obj, dict):
        raise ValueError('stdout is JSON but not an object')
    findings = obj.get('findings')
    if not isinstance(findings, list):
        raise ValueError('no "findings" list in the JSON object')
    for f in findings:
        if not isinstance(f, dict) or not isinstance(f.get('category'), str):
            raise ValueError('a finding without a "category" string: %r' % (f,))
    return findings


def scan(omamori, ls, entry, timeout):
    cmd = [omamori, 'scan']
    if ls.config:
        cmd += ['-c', ls.config]
    cmd += entry.args + [os.path.join(ls.msgdir, entry.name)]
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Outcome(entry, error='timed out after %g s' % timeout,
                       stderr=(e.stderr or b'').decode('utf-8', 'replace'))
    stderr = proc.stderr.decode('utf-8', 'replace')
    if proc.returncode < 0:
        return Outcome(entry, error='killed by %s' % signal_name(-proc.returncode), stderr=stderr)
    if proc.returncode != 0:
        return Outcome(entry, error='exit status %d' % proc.returncode, stderr=stderr)
    try:
        return Outcome(entry, findings=parse_output(proc.stdout), stderr=stderr)
    except ValueError as e:
        return Outcome(entry, error=str(e), stderr=stderr)


class Tally:
    def __init__(self, covers):
        self.tp = dict.fromkeys(covers, 0)
        self.fp = dict.fromkeys(covers, 0)
        self.fn = dict.fromkeys(covers, 0)


def ratio(num, den):
    return None if den == 0 else num / den


def fmt_ratio(r):
    return '    -' if r is None else '%.3f' % r


def compare(ls, outcomes):
    """compare - tally per category; return (tally, mismatches, exact matches)."""
    tally = Tally(ls.covers)
    covered = set(ls.covers)
    mismatches, exact = [], 0
    for o in outcomes:
        if o.error:
            continue
        found = {}
        for f in o.findings:
            if f['category'] in covered:
                found.setdefault(f['category'], []).append(f)
        ok = True
        for cat in ls.covers:
            want, got = cat in o.entry.expected, cat in found
            if want and got:
                tally.tp[cat] += 1
            elif got:
                tally.fp[cat] += 1
                mismatches.append((o.entry, cat, 'FP', found[cat]))
                ok = False
            elif want:
                tally.fn[cat] += 1
                mismatches.append((o.entry, cat, 'FN', []))
                ok = False
        exact += ok
    return tally, mismatches, exact


def report(ls, outcomes, tally, mismatches, exact, opts):
    """report - print the table; return the categories below the threshold."""
    scanned = sum(1 for o in outcomes if not o.error)
    print('== %s: %d messages, %d scanned%s' % (
        ls.setdir, len(outcomes), scanned,
        ', config %s' % os.path.relpath(ls.config, ls.setdir) if ls.config else ''))
    width = max(len(c) for c in ls.covers + ['total'])
    print('%-*s %5s %5s %5s  %9s  %6s' % (width, 'category', 'TP', 'FP', 'FN', 'precision', 'recall'))
    low = []
    for cat in ls.covers:
        tp, fp, fn = tally.tp[cat], tally.fp[cat], tally.fn[cat]
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        below = [n for n, v in (('precision', p), ('recall', r)) if v is not None and v < opts.min]
        if below:
            low.append((cat, below))
        print('%-*s %5d %5d %5d  %9s  %6s%s' % (width, cat, tp, fp, fn, fmt_ratio(p), fmt_ratio(r),
                                               '   < %g' % opts.min if below and opts.check else ''))
    tp, fp, fn = (sum(d.values()) for d in (tally.tp, tally.fp, tally.fn))
    print('%-*s %5d %5d %5d  %9s  %6s' % (width, 'total', tp, fp, fn, fmt_ratio(ratio(tp, tp + fp)),
                                         fmt_ratio(ratio(tp, tp + fn))))
    print('messages with exactly the expected categories: %d of %d' % (exact, scanned))
    failed = [o for o in outcomes if o.error]
    if failed:
        print('FAILED scans (%d):' % len(failed))
        for o in failed:
            print('  %s: %s' % (o.entry.name, o.error))
            tail = o.stderr.strip().splitlines()[-3:]
            for line in tail:
                print('      stderr: %s' % line)
    if opts.verbose and mismatches:
        print('mismatches:')
        for entry, cat, kind, findings in mismatches:
            if kind == 'FN':
                print('  %s  %s  FN  (expected; %s)' % (entry.name, cat, entry.note or 'no note'))
            for f in findings:
                print('  %s  %s  FP  rule=%s sample=%s where=%s count=%s' % (
                    entry.name, cat, f.get('rule', '-'), json.dumps(f.get('sample', '-'), ensure_ascii=False),
                    f.get('where', '-'), f.get('count', '-')))
    print()
    return low


def main():
    ap = argparse.ArgumentParser(
        description='Measure omamori scan against labelled message sets.')
    ap.add_argument('--omamori', required=True, help='the omamori program')
    ap.add_argument('--check', action='store_true',
                    help='fail when a category is below --min in precision or recall')
    ap.add_argument('--min', type=float, default=0.97, help='threshold for --check (default 0.97)')
    ap.add_argument('--messages', help='read messages from this directory instead of SETDIR/messages')
    ap.add_argument('--verbose', '-v', action='store_true', help='list each mismatch')
    ap.add_argument('--timeout', type=float, default=20.0, help='seconds per scan (default 20)')
    ap.add_argument('--jobs', '-j', type=int, default=min(8, os.cpu_count() or 1),
                    help='scans run at once')
    ap.add_argument('--only', metavar='CATEGORIES',
                    help='judge only these categories (comma-separated) of each set')
    ap.add_argument('sets', nargs='+', metavar='SETDIR')
    opts = ap.parse_args()
    if not (os.path.isfile(opts.omamori) and os.access(opts.omamori, os.X_OK)):
        ap.error('%s is not an executable file' % opts.omamori)
    if not 0 <= opts.min <= 1 or opts.jobs < 1 or opts.timeout <= 0:
        ap.error('--min must be in 0..1, --jobs and --timeout positive')

    try:
        sets = [load_set(d.rstrip('/') or '/', opts.messages) for d in opts.sets]
        if opts.only:
            only = opts.only.split(',')
            for ls in sets:
                missing = [c for c in only if c not in ls.covers]
                if missing:
                    raise LabelError('%s: --only names %s, not in covers' % (ls.setdir, ', '.join(missing)))
                ls.covers = [c for c in ls.covers if c in only]
    except LabelError as e:
        print('eval.py: %s' % e, file=sys.stderr)
        return 2

    failed, low = 0, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        for ls in sets:
            outcomes = list(pool.map(lambda e: scan(opts.omamori, ls, e, opts.timeout), ls.entries))
            tally, mismatches, exact = compare(ls, outcomes)
            low += [(ls.setdir, cat, what) for cat, what in
                    report(ls, outcomes, tally, mismatches, exact, opts)]
            failed += sum(1 for o in outcomes if o.error)

    status = 0
    if failed:
        print('eval.py: %d scan(s) failed' % failed)
        status = 1
    if opts.check:
        for setdir, cat, what in low:
            print('eval.py: %s: %s %s below %g' % (setdir, cat, ' and '.join(what), opts.min))
        if low:
            status = 1
        elif not failed:
            print('eval.py: every category at or above %g' % opts.min)
    return status


if __name__ == '__main__':
    sys.exit(main())
