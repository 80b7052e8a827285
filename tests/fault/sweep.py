#!/usr/bin/env python3
"""sweep.py: fault sweeps over the write paths of the black-box suite.

After SQLite's own malloc and I/O error tests: for each write request in
CASES and each kind of fault (tests/fault/fault.c: "sqlite" = SQLite's
allocations, "io" = every SQLite xWrite and xSync, "own" = our allocations,
jansson's among them), the request is sent with its Nth event made to fail, for N = 1, 2,
3, ... until the request runs to the end without reaching N.  After each
point:

  1. the server answered (any status; no crash, no hang past 20 s);
  2. the change is all there or all absent: every table compared with a
     snapshot taken before the request; an error answer changed nothing, a
     success changed exactly the tables (and row counts) a clean run of the
     same request changes, the audit entry among them;
  3. the server recovers: once disarmed, GET /api/me and a fresh write
     (a unit created) succeed;
  4. `qingfeng audit verify` passes;
  5. (issue 9, "Results and errors") a request that did not succeed
     answered 500 or 503, never a 4xx (401 from a failed session lookup,
     404 or 422 from a failed lookup); under the store kinds, "busy" (a
     store call answers STORE_BUSY) and "storeerr" (STORE_ERR), exactly
     503 and 500 respectively; and every 5xx wrote an ERROR line under
     the request id its answer carries (X-Request-Id).

Allocation failures in our own code (src/) stop the process by design
("fatal: out of memory", arena.h): such a point counts as a fail-stop, not a
violation, when the process died that way and only that way, nothing half
done is in the database, and a restarted server passes 3 and 4.  Anything
else is a violation, printed with the request, the kind and N.

One server (build/fault/qingfeng, ASan+UBSan, --threads 1) serves a whole
sweep and is restarted only after a fail-stop; its log is checked for
sanitizer reports (leaks on error paths included) when it stops.

Output: TAP lines ("ok N - ...") for tests/http/t95_fault_sweep.sh, then a
summary.  By default a bounded, deterministic sample (CI_SAMPLE: a few
points per request and kind, the first ones and then a stride, and the
first N past the clean count), transient only; --full sweeps every point
(FULL_SAMPLE excepted) of both modes (transient: only the Nth fails;
persist: every event from the Nth on fails until the request ends).  QF_PG (as in
tests/http/lib.sh) runs on PostgreSQL: the io kind is SQLite's only, so
there the sweep is "alloc" over our process.
"""
import argparse
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PW = 'Qingfeng#2022'
# touched by reads too; metric_days (the statistics rollup) and its grains
# metric_months and metric_years are derived: which of their rows a write
# touches depends on what earlier points left (rows summed back to 0 stay),
# so they are not compared row by row but checked against their
# recomputation (`qingfeng stats check`) after each case
# the rollup's and 0095's person_years are counts kept per key (a day, a
# person's year): a request that a clean run made add a row updates that row
# on a later point (the fixture's detentions are all of p1 in 2022), so
# their row deltas differ from the clean run's by design; person_years is
# checked against its recomputation after each case (PERSON_YEARS_DIFF), and
# 0108's person_year_counts against person_years (PERSON_YEAR_COUNTS_DIFF);
# 0109's verification_days (PostgreSQL) likewise a count kept per key
VOLATILE = {'sessions', 'login_throttle', 'metric_days', 'metric_months', 'metric_years', 'person_years',
            'person_year_counts', 'verification_days'}
TIMEOUT = 20
# the rows of person_years (0095) that differ from their recomputation, both ways
PERSON_YEARS_DIFF = (
    "WITH r (stat, year, person_id, n) AS ("
    "SELECT 'integrity_files', CAST(substr(day, 1, 4) AS INTEGER), person_id, count(*) FROM integrity_updates "
    "GROUP BY 2, 3 UNION ALL "
    "SELECT 'detained', CAST(substr(start_day, 1, 4) AS INTEGER), person_id, count(*) FROM detentions "
    "GROUP BY 2, 3) "
    "SELECT (SELECT count(*) FROM (SELECT stat, year, person_id, n FROM person_years "
    "EXCEPT SELECT stat, year, person_id, n FROM r) a) + (SELECT count(*) FROM (SELECT stat, year, person_id, n "
    "FROM r EXCEPT SELECT stat, year, person_id, n FROM person_years) b)")

# the (stat, year) counts of person_year_counts (0108) that differ from
# person_years counted, both ways (a count gone to 0 may keep its row)
PERSON_YEAR_COUNTS_DIFF = (
    "SELECT (SELECT count(*) FROM person_year_counts c WHERE n <> (SELECT count(*) FROM person_years p "
    "WHERE p.stat = c.stat AND p.year = c.year)) + (SELECT count(*) FROM (SELECT DISTINCT stat, year "
    "FROM person_years) y WHERE NOT EXISTS (SELECT 1 FROM person_year_counts c "
    "WHERE c.stat = y.stat AND c.year = y.year))")

# The bounded sweep of `make test` (t95): (points, of which the first ones)
# per request and kind.  The first allocations of a request are where its
# body is read and parsed, hence own's dense start.
CI_SAMPLE = {'sqlite': (8, 3), 'io': (8, 3), 'own': (11, 9), 'alloc': (11, 9),
             'write': (8, 3), 'sync': (8, 3), 'busy': (4, 2), 'storeerr': (3, 1)}
CI_PERSIST = {'sqlite': (5, 1), 'io': (4, 1)}
# what a request that fails under a store kind must answer (issue 9)
STORE_KIND_STATUS = {'busy': 503, 'storeerr': 500}
# every point of these (a few seconds): unit create, persistent, once left
# the connection in a transaction that every later write tripped over
CI_PERSIST_FULL = {('unit create', 'sqlite')}
# --full: every point, except the import's SQLite allocations (some 5,900,
# most of them opening the database and reading its schema), sampled
FULL_SAMPLE = {('import (CLI)', 'sqlite'): (300, 50), ('import (CLI)', 'alloc'): (300, 50),
               ('import (CLI)', 'own'): (300, 50)}


class Fail(Exception):
    pass


# ---- the world: database, server, clients -----------------------------------

class World:
    def __init__(self, args):
        self.args = args
        self.bin = os.path.abspath(args.bin)
        # the optimised binary verifies the chain (faster to start than ASan)
        rel = os.path.join(ROOT, 'build/qingfeng')
        self.verify_bin = rel if os.access(rel, os.X_OK) else self.bin
        self.dir = tempfile.mkdtemp(prefix='qf-fault.')
        self.pg = os.environ.get('QF_PG', '')
        self.env = dict(os.environ)
        for k in ('QF_FAULT', 'QINGFENG_DB', 'QINGFENG_KEY'):
            self.env.pop(k, None)
        self.env['ASAN_OPTIONS'] = 'detect_leaks=1:abort_on_error=0'
        self.env['UBSAN_OPTIONS'] = 'print_stacktrace=1:halt_on_error=1'
        if self.pg:
            self.dbname = 'qf_fault_%d' % os.getpid()
            self.psql('postgres', 'DROP DATABASE IF EXISTS %s' % self.dbname)
            self.psql('postgres', 'CREATE DATABASE %s' % self.dbname)
            self.db = '%s/%s' % (self.pg, self.dbname)
            self.env['QINGFENG_KEY'] = os.path.join(self.dir, 'qf.key')
        else:
            self.db = os.path.join(self.dir, 'qf.db')
        self.env['QINGFENG_DB'] = self.db
        self.ctl = os.path.join(self.dir, 'fault.ctl')
        self.state = os.path.join(self.dir, 'fault.state')
        self.log = os.path.join(self.dir, 'serve.log')
        self.proc = None
        self.port = None
        self.sanitizer_reports = []
        self.tables = None
        self.last_rid = None    # X-Request-Id of the last answer any client got

    def psql(self, db, sql):
        r = subprocess.run(['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1',
                            '%s/%s' % (self.pg, db) if '/' not in db else db, '-c', sql],
                           capture_output=True, text=True)
        if r.returncode:
            raise Fail('psql: %s' % r.stderr.strip())
        return r.stdout

    def write_sql(self, q):
        if self.pg:
            self.psql(self.db, q)
            return
        c = sqlite3.connect(self.db, timeout=30)
        try:
            c.execute(q)
            c.commit()
        finally:
            c.close()

    def cli(self, *argv, stdin=None, extra_env=None):
        env = dict(self.env)
        env.update(extra_env or {})
        return subprocess.run([self.bin] + list(argv), input=stdin, capture_output=True,
                              text=True, env=env, timeout=120)

    def init(self):
        r = self.cli('init', '--db', self.db, '--name', '测试市纪委监委', '--region', '230100')
        if r.returncode:
            raise Fail('init: ' + r.stderr)
        for name, role in (('cm', 'case_manager'), ('clerk', 'intake'), ('lead', 'leader'),
                           ('inv1', 'investigator'), ('inv2', 'investigator')):
            # issue 10: filing is approved by the principal leader
            extra = ['--principal'] if name == 'lead' else []
            r = self.cli('user', 'add', name, '--role', role, *extra, '--password-stdin', '--db', self.db,
                         stdin=PW + '\n')
            if r.returncode:
                raise Fail('user add: ' + r.stderr)
            # the account lifecycle (docs/security.md): enabled by the
            # security admin's command; the first-login password change
            # cleared in the database, as tests/http/lib.sh ready_account
            r = self.cli('user', 'enable', name, '--db', self.db)
            if r.returncode:
                raise Fail('user enable: ' + r.stderr)
            self.write_sql("UPDATE users SET must_change_pw = 0 WHERE name = '%s'" % name)

    def start(self):
        s = socket.socket()
        s.bind(('127.0.0.1', 0))
        self.port = s.getsockname()[1]
        s.close()
        env = dict(self.env)
        env['QF_FAULT_CTL'] = self.ctl
        env['QF_FAULT_STATE'] = self.state
        self.logf = open(self.log, 'a')
        self.proc = subprocess.Popen([self.bin, 'serve', '--db', self.db, '--listen',
                                      '127.0.0.1:%d' % self.port, '--threads', '1'],
                                     stdout=self.logf, stderr=subprocess.STDOUT, env=env)
        for _ in range(300):
            if self.proc.poll() is not None:
                break
            try:
                c = http.client.HTTPConnection('127.0.0.1', self.port, timeout=2)
                c.request('GET', '/healthz')
                if c.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise Fail('server did not start: ' + open(self.log).read()[-2000:])

    def log_tail(self, since):
        with open(self.log, errors='replace') as f:
            f.seek(since)
            return f.read()

    def log_size(self):
        return os.path.getsize(self.log)

    def stop(self):
        """Stops the server (TERM); keeps any sanitizer report of its log."""
        if not self.proc:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                self.sanitizer_reports.append('server did not stop on SIGTERM')
        self.proc = None
        self.logf.close()
        self.scan_log()

    def scan_log(self):
        text = open(self.log, errors='replace').read()
        for m in re.finditer(r'(ERROR: (Address|Leak)Sanitizer.*|runtime error:.*)', text):
            start = max(0, m.start() - 200)
            self.sanitizer_reports.append(text[start:m.start() + 3000])
        # keep the log from counting a report twice
        os.rename(self.log, self.log + '.%d' % len(os.listdir(self.dir)))

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    # ---- the fault injector ----
    def _state(self, want, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            try:
                s = open(self.state).read()
            except OSError:
                s = ''
            if s.startswith(want):
                return s.split()
            if not self.alive():
                return None
            time.sleep(0.002)
        raise Fail('fault injector did not answer (%r)' % want)

    def arm(self, spec):
        with open(self.ctl, 'w') as f:
            f.write(spec + '\n')
        try:
            os.unlink(self.state)
        except OSError:
            pass
        self.proc.send_signal(signal.SIGUSR1)
        if self._state('armed') is None:
            raise Fail('server died while arming')

    def disarm(self):
        """(count, hits), or None when the server is gone."""
        if not self.alive():
            return None
        try:
            os.unlink(self.state)
        except OSError:
            pass
        self.proc.send_signal(signal.SIGUSR2)
        s = self._state('done')
        return (int(s[1]), int(s[2])) if s else None

    # ---- the database, read beside the server ----
    def table_names(self):
        if self.tables is None:
            if self.pg:
                # base tables only, as on SQLite: information_schema.tables
                # lists views too, and the rollup's views (metric_recompute
                # aggregates every record) are derived, costly to read, and
                # differ with what earlier points left
                out = self.psql(self.db, "SELECT table_name FROM information_schema.tables "
                                         "WHERE table_schema = 'public' "
                                         "AND table_type = 'BASE TABLE' ORDER BY 1")
                self.tables = out.split()
            else:
                c = sqlite3.connect('file:%s?mode=ro' % self.db, uri=True)
                self.tables = [r[0] for r in c.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY 1")]
                c.close()
        return self.tables

    def snapshot(self):
        """{table: (rows, digest of the content)}"""
        snap = {}
        if self.pg:
            q = ' UNION ALL '.join(
                "SELECT '%s', count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) "
                "FROM %s t" % (t, t) for t in self.table_names())
            for line in self.psql(self.db, q).splitlines():
                t, n, h = line.split('|')
                snap[t] = (int(n), h)
            return snap
        c = sqlite3.connect('file:%s?mode=ro' % self.db, uri=True, timeout=30)
        for t in self.table_names():
            h = hashlib.sha1()
            n = 0
            for row in c.execute('SELECT * FROM "%s" ORDER BY 1' % t):
                h.update(repr(row).encode())
                n += 1
            snap[t] = (n, h.hexdigest())
        c.close()
        return snap

    def audit_verify(self):
        r = subprocess.run([self.verify_bin, 'audit', 'verify', '--db', self.db],
                           capture_output=True, text=True, env=self.env, timeout=120)
        return r.returncode == 0, (r.stdout + r.stderr).strip()

    def rollup_check(self):
        r = subprocess.run([self.verify_bin, 'stats', 'check', '--db', self.db],
                           capture_output=True, text=True, env=self.env, timeout=300)
        return r.returncode == 0, (r.stdout + r.stderr).strip()

    def sql1(self, q):
        if self.pg:
            return self.psql(self.db, q).strip()
        c = sqlite3.connect('file:%s?mode=ro' % self.db, uri=True, timeout=30)
        v = c.execute(q).fetchone()
        c.close()
        return '' if v is None else str(v[0])


class Client:
    """One signed-in user: cookies, the CSRF token, JSON requests."""

    def __init__(self, world, user):
        self.w = world
        self.user = user
        self.jar = {}
        self.csrf = None
        self.rid = None         # X-Request-Id of the last answer

    def _headers(self, extra=None):
        h = {'Cookie': '; '.join('%s=%s' % kv for kv in self.jar.items())} if self.jar else {}
        h.update(extra or {})
        return h

    def request(self, method, path, body=None, headers=None, timeout=TIMEOUT):
        """(status, body text); status None when no answer came."""
        c = http.client.HTTPConnection('127.0.0.1', self.w.port, timeout=timeout)
        try:
            c.request(method, path, body=body, headers=self._headers(headers))
            r = c.getresponse()
            data = r.read().decode('utf-8', 'replace')
            self.rid = self.w.last_rid = r.getheader('X-Request-Id')
            for k, v in r.getheaders():
                if k.lower() == 'set-cookie':
                    name, _, rest = v.partition('=')
                    val = rest.split(';', 1)[0]
                    if val:
                        self.jar[name] = val
                    else:
                        self.jar.pop(name, None)
            return r.status, data
        except (OSError, http.client.HTTPException) as e:
            return None, str(e)
        finally:
            c.close()

    def login_request(self):
        self.jar.pop('qf_session', None)
        self.request('GET', '/login')
        body = urllib.parse.urlencode({'csrf': self.jar.get('qf_pre', ''), 'username': self.user,
                                       'password': PW})
        return self.request('POST', '/login', body,
                            {'Content-Type': 'application/x-www-form-urlencoded'})

    def login(self):
        st, _ = self.login_request()
        if st != 303:
            raise Fail('%s cannot log in: %s' % (self.user, st))
        self.refresh()

    def refresh(self):
        st, data = self.request('GET', '/api/me')
        if st != 200:
            raise Fail('%s: /api/me answered %s' % (self.user, st))
        self.csrf = json.loads(data)['csrf']

    def api(self, method, path, obj=None):
        return self.request(method, path, None if obj is None else json.dumps(obj),
                            {'Content-Type': 'application/json', 'X-CSRF-Token': self.csrf or ''})

    def must(self, method, path, obj=None, want=(200, 201)):
        st, data = self.api(method, path, obj)
        if st not in want:
            raise Fail('%s %s as %s: %s %s' % (method, path, self.user, st, data[:300]))
        return json.loads(data) if data else {}


# ---- the write requests swept --------------------------------------------------

class Ctx:
    """What the cases share: clients and the objects made once."""

    def __init__(self, w):
        self.w = w
        self.c = {u: Client(w, u) for u in ('cm', 'clerk', 'lead', 'inv1', 'inv2')}
        self.seq = 0

    def setup(self):
        for cl in self.c.values():
            cl.login()
        cm = self.c['cm']
        self.ua = cm.must('POST', '/api/units', {'name': '甲局', 'kind': 'department'})['id']
        self.p1 = cm.must('POST', '/api/persons', {'name': '赵科长', 'unit_id': self.ua,
                                                   'rank': 'section'})['id']
        self.p2 = cm.must('POST', '/api/persons', {'name': '钱副科长', 'unit_id': self.ua,
                                                   'rank': 'section'})['id']
        self.uid = {u: int(self.w.sql1("SELECT id FROM users WHERE name = '%s'" % u))
                    for u in self.c}
        self.case = self.new_case(team=True)

    def relogin(self):
        """After a restart: sessions survive in the database; only re-read tokens."""
        for cl in self.c.values():
            cl.refresh()

    def n(self):
        self.seq += 1
        return self.seq

    def new_clue(self, subject=None):
        return self.c['cm'].must('POST', '/api/clues', {
            'received': '2022-03-02', 'source': 'report', 'summary': '反映其违规收受礼金',
            'subjects': [subject or self.p1], 'confirm': True})['id']

    def new_verified_clue(self, subject=None):
        """A clue under preliminary verification: filing follows one (issue 10)."""
        k = self.new_clue(subject)
        d = self.c['cm'].must('POST', '/api/clues/%d/dispositions' % k,
                              {'method': 'preliminary_verification', 'reason': '拟初核'})['id']
        self.c['lead'].must('POST', '/api/dispositions/%d/decision' % d, {'approve': True, 'day': '2022-03-20'})
        return k

    def new_disposition(self, subject=None):
        k = self.new_verified_clue(subject)
        return self.c['cm'].must('POST', '/api/clues/%d/dispositions' % k,
                                 {'method': 'file_case', 'reason': '拟立案审查调查'})['id']

    def new_case(self, team, subject=None):
        d = self.new_disposition(subject)
        self.c['lead'].must('POST', '/api/dispositions/%d/decision' % d, FILING)
        case = int(self.w.sql1('SELECT id FROM cases WHERE disposition_id = %d' % d))
        if team:
            self.c['cm'].must('POST', '/api/cases/%d/team' % case,
                              {'user_id': self.uid['inv1'], 'role': 'lead'})
        return case

    def new_subject_case(self):
        p = self.c['cm'].must('POST', '/api/persons', {'name': '孙某%06d' % self.n(),
                                                      'unit_id': self.ua, 'rank': 'section'})['id']
        return {'p': p, 'c': self.new_case(team=False, subject=p)}

    def new_detention(self):
        c = self.new_case(team=True)
        return self.c['inv1'].must('POST', '/api/cases/%d/detentions' % c, {
            'person_id': self.p1, 'start': '2022-05-01', 'start_time': '09:00',
            'approved_by': '市纪委监委', 'approved_day': '2022-04-30'})['id']

    def new_recusal(self):
        """A conflict of inv2 on a new case with an "other" ground: a leader decides it."""
        c = self.new_case(team=True)
        return self.c['cm'].must('POST', '/api/cases/%d/recusals' % c, {
            'user_id': self.uid['inv2'], 'ground': 'other', 'note': '曾与被调查人同事'})['id']

    def new_sanction(self):
        """An outcome with a government sanction (记过), which an appeal names."""
        sc = self.new_subject_case()
        return self.c['cm'].must('POST', '/api/outcomes', {
            'person_id': sc['p'], 'case_id': sc['c'], 'day': '2022-06-01', 'measures': ['gov_demerit']})['id']

    def new_category(self):
        code = 'fault_%06d' % self.n()
        self.c['cm'].must('POST', '/api/categories', {'code': code, 'label': '类别' + code, 'source': '扫描',
                                                      'valid_from': '2020-01-01'})
        return code

    def new_campaign(self):
        return self.c['cm'].must('POST', '/api/campaigns', {'name': '故障专项%06d' % self.n(),
                                                            'start': '2022-01-01'})['id']

    def future_day(self):
        """A day not yet in force and new each time: a rule version of its own."""
        return time.strftime('%Y-%m-%d', time.gmtime(4102444800 + 86400 * self.n()))

    def new_report(self):
        return self.c['clerk'].must('POST', '/api/reports', {
            'received': '2022-09-28', 'channel': 'letter', 'category': 'accusation', 'kind': 'accusation',
            'real_name': True, 'reporter': '王实名', 'contact': '13800001111',
            'accused': [self.p1], 'summary': '反映其违规收受礼金'})['id']


def api_case(user, method, path, body, prep=None):
    """A case: prep(ctx) makes what one attempt needs (unarmed) and returns
    a dict for the path and body templates; the request is then sent armed."""
    def make(ctx):
        v = {'n': '%06d' % ctx.n(), 'ua': ctx.ua, 'p1': ctx.p1, 'p2': ctx.p2, 'case': ctx.case}
        if prep:
            v.update(prep(ctx))
        b = json.loads(json.dumps(body)) if body is not None else None

        def fill(x):
            if isinstance(x, str):
                if re.fullmatch(r'\{\w+\}', x):
                    return v[x[1:-1]]
                return x.format(**v)
            if isinstance(x, list):
                return [fill(y) for y in x]
            if isinstance(x, dict):
                return {k: fill(y) for k, y in x.items()}
            return x
        cl = ctx.c[user]
        p = path.format(**v)
        b = fill(b)
        return lambda: cl.api(method, p, b)
    make.client = user
    return make


def page_case(user, method, path, form=None, prep=None):
    """A request to a page (HTML): a GET, or a form POST (the CSRF token in
    its header, as the pages accept it)."""
    def make(ctx):
        v = {'n': '%06d' % ctx.n(), 'ua': ctx.ua, 'p1': ctx.p1, 'case': ctx.case}
        if prep:
            v.update(prep(ctx))
        cl = ctx.c[user]
        p = path.format(**v)
        if form is None:
            return lambda: cl.request(method, p)
        body = urllib.parse.urlencode({k: x.format(**v) for k, x in form.items()})
        return lambda: cl.request(method, p, body, {'Content-Type': 'application/x-www-form-urlencoded',
                                                    'X-CSRF-Token': cl.csrf or ''})
    make.client = user
    return make


def login_case(ctx):
    cl = Client(ctx.w, 'clerk')
    cl.request('GET', '/login')     # the pre-session cookie, unarmed

    def send():
        ctx.last_client = cl
        body = urllib.parse.urlencode({'csrf': cl.jar.get('qf_pre', ''), 'username': 'clerk',
                                       'password': PW})
        return cl.request('POST', '/login', body,
                          {'Content-Type': 'application/x-www-form-urlencoded'})
    return send


# the approval of a filing with its record (issue 10, 监督执纪工作规则 art. 38)
FILING = {'approve': True, 'day': '2022-04-01', 'filing': {
    'case_type': 'discipline', 'organ_kind': 'office', 'organ_name': '第一审查调查室', 'categories': ['integrity'],
    'committee_by': '县委书记', 'committee_day': '2022-04-01'}}

IMPORT = """\
{"type":"unit","id":"U1_{n}","name":"市水务局{n}","kind":"department","parent":null}
{"type":"unit","id":"U2_{n}","name":"水务站{n}","kind":"institution","parent":"U1_{n}","color":"blue"}
{"type":"person","id":"P1_{n}","name":"赵局长{n}","unit":"U2_{n}","position":"站长","rank":"section","top_leader":true,"leadership":true,"party_member":true}
{"type":"person","id":"P2_{n}","name":"钱某{n}","unit":"U1_{n}","rank":"staff"}
{"type":"campaign","id":"K1_{n}","name":"农业补贴专项整治{n}","start":"2022-03-01","end":null}
{"type":"report","id":"R1_{n}","received":"2022-03-01","channel":"letter","real_name":true,"accused":["P1_{n}"],"category":"accusation","summary":"举报其收受礼金","accepted":"2022-03-08","concluded":null,"reporter":"张三","contact":"13800000000"}
{"type":"clue","id":"C1_{n}","received":"2022-03-02","source":"report","source_ref":"R1_{n}","subjects":["P1_{n}","P2_{n}"],"campaign":"K1_{n}","summary":"反映其违规收受礼金"}
{"type":"disposition","clue":"C1_{n}","decided":"2022-03-10","method":"preliminary_verification"}
{"type":"disposition","clue":"C1_{n}","decided":"2022-03-20","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2022-03-20"}
{"type":"case","id":"A1_{n}","clue":"C1_{n}","filed":"2022-04-01","transferred":"2022-09-15","trial_accepted":"2022-09-20","closed":"2022-09-30","campaign":"K1_{n}","case_type":"both","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}
{"type":"detention","case":"A1_{n}","person":"P1_{n}","start":"2022-05-01","end":"2022-07-30","approved_by":"省纪委监委","approved_day":"2022-04-30","announced_at":"2022-05-01T09:00"}
{"type":"outcome","person":"P1_{n}","case":"A1_{n}","clue":null,"date":"2022-09-30","measures":["party_serious_warning","gov_removal"],"campaign":"K1_{n}"}
{"type":"outcome","person":"P2_{n}","case":null,"clue":"C1_{n}","date":"2022-04-10","measures":["talk_reminder"]}
{"type":"accountability","id":"Q1_{n}","started":"2022-06-01","unit":"U1_{n}","person":null,"campaign":"K1_{n}"}
{"type":"recovery","date":"2022-11-02","amount":"117526.73","kind":"recovered","campaign":"K1_{n}"}
"""


def import_case(ctx):
    """`qingfeng import FILE`, a process of its own: armed from its start."""
    path = os.path.join(ctx.w.dir, 'import.jsonl')
    with open(path, 'w') as f:
        f.write(IMPORT.replace('{n}', str(ctx.n())))

    def run(spec):
        state = os.path.join(ctx.w.dir, 'cli.state')
        try:
            os.unlink(state)
        except OSError:
            pass
        r = ctx.w.cli('import', path, '--db', ctx.w.db,
                      extra_env={'QF_FAULT': spec, 'QF_FAULT_STATE': state})
        try:
            done = open(state).read().split()
            cnt = (int(done[1]), int(done[2]))
        except (OSError, IndexError, ValueError):
            cnt = None
        return r.returncode, r.stderr, cnt
    run.cli = True
    return run


CASES = [
    ('login', login_case),
    ('unit create', api_case('cm', 'POST', '/api/units', {'name': '单位{n}', 'kind': 'department'})),
    ('unit update', api_case('cm', 'PUT', '/api/units/{ua}', {'name': '甲局{n}', 'kind': 'department'})),
    ('person create', api_case('cm', 'POST', '/api/persons',
                               {'name': '人员{n}', 'unit_id': '{ua}', 'rank': 'section'})),
    ('person update', api_case('cm', 'PUT', '/api/persons/{p2}',
                               {'name': '钱副科长{n}', 'unit_id': '{ua}', 'rank': 'section'})),
    ('clue register', api_case('cm', 'POST', '/api/clues', {
        'received': '2022-03-02', 'source': 'report', 'summary': '线索{n}', 'subjects': ['{p1}'], 'confirm': True})),
    ('disposition propose', api_case('cm', 'POST', '/api/clues/{k}/dispositions',
                                     {'method': 'file_case', 'reason': '拟立案{n}'},
                                     lambda ctx: {'k': ctx.new_verified_clue()})),
    ('disposition approve (filing)', api_case('lead', 'POST', '/api/dispositions/{d}/decision', FILING,
                                              lambda ctx: {'d': ctx.new_disposition()})),
    ('report create', api_case('clerk', 'POST', '/api/reports', {
        'received': '2022-09-28', 'channel': 'letter', 'category': 'accusation', 'kind': 'accusation', 'real_name': True,
        'reporter': '王实名{n}', 'contact': '13800001111', 'accused': ['{p1}'], 'summary': '举报{n}'})),
    ('report acceptance', api_case('clerk', 'POST', '/api/reports/{r}/acceptance',
                                   {'accept': True, 'day': '2022-09-30'},
                                   lambda ctx: {'r': ctx.new_report()})),
    ('case team', api_case('cm', 'POST', '/api/cases/{c}/team', {'user_id': '{inv}', 'role': 'lead'},
                           lambda ctx: {'c': ctx.new_case(team=False), 'inv': ctx.uid['inv1']})),
    ('case note', api_case('inv1', 'POST', '/api/cases/{case}/notes', {'text': '谈话笔录{n}'})),
    ('detention', api_case('inv1', 'POST', '/api/cases/{c}/detentions',
                           {'person_id': '{p1}', 'start': '2022-05-01', 'start_time': '09:00',
                            'approved_by': '市纪委监委', 'approved_day': '2022-04-30'},
                           lambda ctx: {'c': ctx.new_case(team=True)})),
    # issue 10's writes (rules10): the detention notice, recusals and their
    # decision, appeals, the violation category catalog, the rule tables
    # and the correction of a report's kind
    ('detention notice', api_case('inv1', 'POST', '/api/detentions/{dt}/notices',
                                  {'party': 'family', 'at': '2022-05-01T15:00', 'note': '电话通知{n}'},
                                  lambda ctx: {'dt': ctx.new_detention()})),
    ('recusal', api_case('cm', 'POST', '/api/cases/{c}/recusals',
                         {'user_id': '{inv}', 'ground': 'other', 'note': '曾与被调查人同事{n}'},
                         lambda ctx: {'c': ctx.new_case(team=True), 'inv': ctx.uid['inv2']})),
    ('recusal decision', api_case('lead', 'POST', '/api/recusals/{rid}/decision',
                                  {'decision': 'allow', 'reason': '工作需要{n}'},
                                  lambda ctx: {'rid': ctx.new_recusal()})),
    ('appeal', api_case('cm', 'POST', '/api/outcomes/{o}/appeals', {
        'kind': 'appeal', 'measure': 'gov_demerit', 'filed': '2022-07-01', 'decided': '2022-08-01',
        'result': 'upheld'}, lambda ctx: {'o': ctx.new_sanction()})),
    ('category create', api_case('cm', 'POST', '/api/categories', {
        'code': 'cat_{n}', 'label': '类别{n}', 'source': '扫描{n}', 'valid_from': '2020-01-01'})),
    ('category retire', api_case('cm', 'POST', '/api/categories/retire', {'code': '{k}', 'retired': '2022-06-01'},
                                 lambda ctx: {'k': ctx.new_category()})),
    ('rule version', api_case('cm', 'POST', '/api/rules/periods', {
        'measure': 'admonishment', 'months': 6, 'stated': False, 'extra_months': 0, 'permanent': False,
        'valid_from': '{d}', 'source': '扫描{n}'}, lambda ctx: {'d': ctx.future_day()})),
    ('rule form', page_case('cm', 'POST', '/rules/clocks', {
        'clock': 'petition_accept', 'amount': '20', 'unit': 'days', 'valid_from': '{d}', 'source': '扫描{n}'},
        lambda ctx: {'d': ctx.future_day()})),
    ('report kind', api_case('clerk', 'POST', '/api/reports/{r}/kind', {'kind': 'petition', 'category': 'appeal'},
                             lambda ctx: {'r': ctx.new_report()})),
    ('import (CLI)', import_case),
    # issue 14: a problem of the rectification ledger (its checks read the
    # unit: a failed lookup answers 503/500, not 422) and the ledger's page
    ('problem create', api_case('cm', 'POST', '/api/problems', {
        'unit_id': '{ua}', 'source': 'inspection', 'summary': '问题{n}', 'found': '2022-03-01',
        'deadline': '2022-05-01'})),
    ('problem ledger', page_case('cm', 'GET', '/problems')),
    # issue 14 (camp14): a campaign's working group, its members and audit entry in one
    # transaction (a failed member lookup answers 503/500, not 422)
    ('campaign group', api_case('cm', 'POST', '/api/campaigns/{k}/groups', {
        'name': '工作组{n}', 'area': '区域{n}', 'members': ['inv1', 'inv2']},
        lambda ctx: {'k': ctx.new_campaign()})),
    # issue 15: quick entry of the work log, three rows all or nothing (a failed
    # catalog lookup answers 503/500, not 422; a failure mid-way leaves no row)
    ('worklog batch', api_case('cm', 'POST', '/api/worklog/batch', {'rows': [
        {'kind': 'consultation', 'date': '2022-03-01', 'title': '会商{n}'},
        {'kind': 'training', 'date': '2022-03-02', 'title': '培训{n}', 'participants': 20},
        {'kind': 'spot_check', 'date': '2022-03-03', 'title': '暗访{n}', 'category': 'eight_rules'}]})),
    # a person of its own each time: an outcome replays the person's earlier
    # ones, so with one person the request (and its count) grew every point
    ('outcome', api_case('cm', 'POST', '/api/outcomes', {
        'person_id': '{p}', 'case_id': '{c}', 'day': '2022-06-01', 'measures': ['criticism']},
        lambda ctx: ctx.new_subject_case())),
    # reads and page forms (issue 9: a failed lookup answers 503/500, never
    # 401 from the session lookup, 404 from a record lookup or 422 from a
    # check such as the unit's same-name sibling)
    ('case page', page_case('inv1', 'GET', '/cases/{case}')),
    ('case read (API)', api_case('inv1', 'GET', '/api/cases/{case}', None)),
    ('unit form', page_case('cm', 'POST', '/units', {'name': '表单单位{n}', 'kind': 'department',
                                                   'parent_id': '{ua}'})),
    ('case note form', page_case('inv1', 'POST', '/cases/{case}/notes', {'text': '表单笔录{n}'})),
]
# in the bounded sweep, the reads and page forms take the store kinds only
STORE_KINDS_ONLY = {'case page', 'case read (API)', 'unit form', 'case note form', 'rule form', 'problem ledger'}
# issue 10's writes (each point makes its case, detention or outcome first):
# in the bounded sweep the store kinds and SQLite's own failures only
# (a failed store call answers 503/500, a failed write leaves nothing half)
STORE_AND_SQLITE = {'detention notice', 'recusal', 'recusal decision', 'appeal', 'category create',
                    'category retire', 'rule version', 'report kind', 'problem create', 'campaign group',
                    'worklog batch'}
BOUNDED_KINDS = {name: set(STORE_KIND_STATUS) for name in STORE_KINDS_ONLY}
BOUNDED_KINDS.update({name: set(STORE_KIND_STATUS) | {'sqlite'} for name in STORE_AND_SQLITE})



# ---- the sweep -------------------------------------------------------------------

def success(st):
    return st is not None and 200 <= st < 400


def changed(a, b):
    """{table: row delta} of the tables whose content differs."""
    return {t: b[t][0] - a.get(t, (0, ''))[0] for t in b if a.get(t) != b[t]}


class Sweep:
    def __init__(self, w, ctx, args):
        self.w, self.ctx, self.args = w, ctx, args
        self.points = 0
        self.failstops = 0
        self.late = 0          # committed whole, then answered an error
        self.answers = {}      # status (or "stop") -> points
        self.logged_5xx = 0    # 5xx answers whose ERROR line was found
        self.violations = []
        self.tap = 0
        self.per_case = {}

    def violation(self, name, kind, n, what):
        self.violations.append('%s, %s N=%d: %s' % (name, kind, n, what))
        print('# VIOLATION %s, %s N=%d: %s' % (name, kind, n, what), flush=True)

    def recover(self, name, kind, n):
        """The server answers and writes again; restarts it after a fail-stop."""
        ok = True
        if not self.w.alive():
            self.w.stop()
            self.w.start()
            self.ctx.relogin()
        cm = self.ctx.c['cm']
        st, _ = cm.request('GET', '/api/me')
        if st != 200:
            self.violation(name, kind, n, 'no recovery: /api/me answered %s' % st)
            ok = False
        st, data = cm.api('POST', '/api/units', {'name': '恢复%d' % self.ctx.n(), 'kind': 'department'})
        if st != 201:
            self.violation(name, kind, n, 'no recovery: a write answered %s %s' % (st, data[:200]))
            ok = False
        return ok

    def reference(self, name, make):
        """The tables a clean run of the request changes, and its event count."""
        send = make(self.ctx)
        before = self.w.snapshot()
        if getattr(send, 'cli', False):
            rc, data, cnt = send('%s 999999999' % self.kind_of_count)
            st = 200 if rc == 0 else 500
        else:
            self.w.arm('%s 999999999' % self.kind_of_count)
            st, data = send()
            cnt = self.w.disarm()
        if not success(st) or cnt is None:
            raise Fail('%s: a clean run answered %s %s' % (name, st, data[:300]))
        delta = changed(before, self.w.snapshot())
        return delta, cnt[0]

    def point(self, name, make, ref, kind, n, persist):
        """One point; returns (hits, answered-status)."""
        send = make(self.ctx)
        before = self.w.snapshot()
        since = self.w.log_size()
        spec = '%s %d%s' % (kind, n, ' persist' if persist else '')
        if getattr(send, 'cli', False):
            return self.cli_point(name, send, before, ref, kind, n, spec)
        self.w.arm(spec)
        t0 = time.time()
        self.w.last_rid = None
        st, data = send()
        rid = self.w.last_rid
        elapsed = time.time() - t0
        cnt = self.w.disarm()
        self.points += 1
        died = cnt is None
        key = 'stop' if died else str(st)
        self.answers[key] = self.answers.get(key, 0) + 1
        if died:
            try:
                self.w.proc.wait(10)
            except subprocess.TimeoutExpired:
                pass
            tail = self.w.log_tail(since)
            rc = self.w.proc.returncode
            if 'fatal: out of memory' in tail and rc == -signal.SIGABRT and 'Sanitizer' not in tail:
                self.failstops += 1
            else:
                self.violation(name, kind, n, 'server died (rc %s): %s' % (rc, tail[-1500:]))
            hits = 1
        else:
            hits = cnt[1]
            if st is None:
                self.violation(name, kind, n, 'no answer after %.1f s: %s' % (elapsed, data))
            elif not success(st) and st not in (500, 503):
                # the requests are valid and their records exist: a 4xx
                # under a fault is a failed lookup read as an answer
                # (issue 9: 401 from a session lookup, 404, 422)
                self.violation(name, kind, n, 'answered %d: %s' % (st, data[:200]))
            if hits == 0 and not success(st):
                self.violation(name, kind, n, 'no fault reached, yet answered %s %s' % (st, data[:200]))
            want_st = STORE_KIND_STATUS.get(kind)
            if want_st and st is not None and not success(st) and st != want_st:
                self.violation(name, kind, n, 'answered %s, not %d: %s' % (st, want_st, data[:200]))
            if st is not None and st >= 500:
                tail = self.w.log_tail(since)
                if not rid or not re.search(r' ERROR %s ' % re.escape(rid), tail):
                    self.violation(name, kind, n, 'answered %d without an ERROR line under its '
                                   'request id %s: %s' % (st, rid, tail[-500:]))
                else:
                    self.logged_5xx += 1
        delta = changed(before, self.w.snapshot())
        core = {t: d for t, d in delta.items() if t not in VOLATILE or t in ref}
        if success(st) and not died:
            want = {t: d for t, d in ref.items() if t not in VOLATILE}
            got = {t: d for t, d in core.items() if t not in VOLATILE}
            if got != want:
                self.violation(name, kind, n, 'answered %s but changed %s (a clean run: %s)'
                               % (st, got, want))
        elif core and any(t not in VOLATILE and t != 'data_version' for t in core):
            # data_version moving with no data is harmless (the kept pages
            # are only built again): a transaction that wrote volatile rows
            # alone moves it (seen once at load 12-14, session 39: 'report
            # create' answered None (an injected out-of-memory stop) with
            # only the version moved).  Data moved without the version is
            # what would serve stale pages, and the clean run checks that.
            #
            # an error (or a crash): nothing may be left of the change, unless
            # all of it went in with its audit entry and the fault came later
            # (in a re-read, say: counted, not a violation)
            want = {t: d for t, d in ref.items() if t not in VOLATILE}
            got = {t: d for t, d in core.items() if t not in VOLATILE}
            data_want = {t: d for t, d in want.items() if t != 'audit_log'}
            data_got = {t: d for t, d in got.items() if t != 'audit_log'}
            audits = got.get('audit_log', 0)
            if data_got == data_want and 1 <= audits <= want.get('audit_log', 0):
                self.late += 1
            else:
                self.violation(name, kind, n, 'answered %s yet changed %s (a clean run: %s)'
                               % (st, got, want))
        self.recover(name, kind, n)
        ok, msg = self.w.audit_verify()
        if not ok:
            self.violation(name, kind, n, 'audit verify: ' + msg)
        return hits

    def cli_point(self, name, run, before, ref, kind, n, spec):
        """A CLI point: exit 0 with the whole change, or an error exit (or a
        fail-stop) with none of it; then the server writes and the chain
        verifies."""
        rc, err, cnt = run(spec)
        self.points += 1
        hits = cnt[1] if cnt else 1
        if rc < 0:
            if rc == -signal.SIGABRT and 'fatal: out of memory' in err and 'Sanitizer' not in err:
                self.failstops += 1
            else:
                self.violation(name, kind, n, 'died (rc %d): %s' % (rc, err[-1500:]))
        elif rc not in (0, 1):
            self.violation(name, kind, n, 'exit %d: %s' % (rc, err[-500:]))
        elif 'Sanitizer' in err or 'runtime error' in err:
            self.violation(name, kind, n, 'sanitizer: %s' % err[-3000:])
        elif hits == 0 and rc != 0:
            self.violation(name, kind, n, 'no fault reached, yet exit %d: %s' % (rc, err[-300:]))
        got = {t: d for t, d in changed(before, self.w.snapshot()).items() if t not in VOLATILE}
        want = {t: d for t, d in ref.items() if t not in VOLATILE}
        if got and got != want:
            self.violation(name, kind, n, 'exit %d and changed %s (a clean run: %s)' % (rc, got, want))
        elif got and rc != 0:
            self.late += 1
        elif not got and rc == 0:
            self.violation(name, kind, n, 'exit 0 but nothing imported')
        self.recover(name, kind, n)
        ok, msg = self.w.audit_verify()
        if not ok:
            self.violation(name, kind, n, 'audit verify: ' + msg)
        return hits

    def run_case(self, name, make, kind, persist, sample):
        """Every point from N = 1 until one is not reached; with sample =
        (K, D), about K points: 1..D, then a stride over the rest of the
        clean count, then the first N past it."""
        self.kind_of_count = kind
        ref, count = self.reference(name, make)
        todo = None
        if sample and count + 1 > sample[0]:
            k, d = sample
            step = max(1, (count - d + (k - d) - 1) // max(1, k - d))
            todo = list(range(1, d + 1)) + list(range(d + step, count + 1, step))[:k - d]
            todo.append(count + 1)
        n, pts, v0 = 1, 0, len(self.violations)
        while True:
            if todo is not None:
                if not todo:
                    break
                n = todo.pop(0)
            hits = self.point(name, make, ref, kind, n, persist)
            pts += 1
            if hits == 0 and (todo is None or n > count):
                break
            n += 1
        mode = 'persist' if persist else 'transient'
        ok, msg = self.w.rollup_check()
        if not ok:
            self.violation(name, kind, 0, 'stats check: ' + msg[-1500:])
        diff = self.w.sql1(PERSON_YEARS_DIFF)
        if diff != '0':
            self.violation(name, kind, 0, 'person_years: %s rows differ from their recomputation' % diff)
        diff = self.w.sql1(PERSON_YEAR_COUNTS_DIFF)
        if diff != '0':
            self.violation(name, kind, 0, 'person_year_counts: %s counts differ from person_years' % diff)
        self.tap += 1
        bad = len(self.violations) - v0
        print('%s %d - fault sweep: %s, %s %s: %d points of %d events, %d violations' % (
            'ok' if bad == 0 else 'not ok', self.tap, name, kind, mode, pts, count, bad), flush=True)
        self.per_case[(name, kind, mode)] = (pts, count, bad)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bin', default=os.path.join(ROOT, 'build/fault/qingfeng'))
    ap.add_argument('--full', action='store_true', help='every point, transient and persistent')
    ap.add_argument('--persist', action='store_true', help='every point, the persistent mode only')
    ap.add_argument('--transient', action='store_true', help='every point, the transient mode only')
    ap.add_argument('--kinds', default='', help='comma-separated: alloc,io,own,sqlite,json,write,sync')
    ap.add_argument('--cases', default='', help='a regular expression choosing the requests')
    args = ap.parse_args()
    pg = bool(os.environ.get('QF_PG'))
    # own allocations stop the process at the first failure: persist adds nothing
    kinds = args.kinds.split(',') if args.kinds else \
        (['own', 'busy', 'storeerr'] if pg else ['sqlite', 'io', 'own', 'busy', 'storeerr'])
    modes = [True] if args.persist else [False, True] if args.full else [False]
    cases = [c for c in CASES if not args.cases or re.search(args.cases, c[0])]
    t0 = time.time()
    w = World(args)
    try:
        w.init()
        w.start()
        ctx = Ctx(w)
        ctx.setup()
        sw = Sweep(w, ctx, args)
        runs = [(c, k, m) for m in modes for k in kinds for c in cases if not (m and k == 'own')]
        if not args.full and not args.persist and not args.transient:
            # and a few persistent points, where a failed rollback shows
            runs += [(c, k, True) for k in kinds if k in CI_PERSIST for c in cases]
            runs = [(c, k, m) for c, k, m in runs
                    if k in BOUNDED_KINDS.get(c[0], {k})]
        # first, on the fresh connection: its first rollback prepares ROLLBACK
        runs.sort(key=lambda r: (r[0][0], r[1]) not in CI_PERSIST_FULL or not r[2])
        for (name, make), kind, persist in runs:
            if args.full or args.persist or args.transient:
                sample = FULL_SAMPLE.get((name, kind))
            else:
                sample = (CI_PERSIST if persist else CI_SAMPLE)[kind]
                if persist and (name, kind) in CI_PERSIST_FULL:
                    sample = None
            sw.run_case(name, make, kind, persist, sample)
        w.stop()
        sw.tap += 1
        if w.sanitizer_reports:
            print('not ok %d - the server logs have no sanitizer report' % sw.tap)
            for r in w.sanitizer_reports:
                print('# ' + r.replace('\n', '\n# ')[:6000])
        else:
            print('ok %d - the server logs have no sanitizer report' % sw.tap)
        print('# %d points swept (%s, %s), %d violations; %d fail-stops of our own allocations, '
              '%d errors answered after a whole commit, %.0f s'
              % (sw.points, ','.join(kinds), 'transient+persist' if args.full else
                 'persist' if args.persist else 'transient' if args.transient else
                 'transient, and a persistent sample',
                 len(sw.violations), sw.failstops, sw.late, time.time() - t0))
        print('# answers: %s' % ', '.join('%s %d' % kv for kv in sorted(sw.answers.items())))
        print('# %d 5xx answers, each with its ERROR line under the request id' % sw.logged_5xx)
        return 1 if sw.violations or w.sanitizer_reports else 0
    except Fail as e:
        print('not ok - fault sweep could not run: %s' % e)
        return 1
    finally:
        if w.proc:
            w.proc.kill()
            w.proc.wait()
        if w.pg:
            try:
                w.psql('postgres', 'DROP DATABASE IF EXISTS %s WITH (FORCE)' % w.dbname)
            except Fail:
                pass
        if os.environ.get('QF_KEEP'):
            print('# kept %s' % w.dir)
        else:
            shutil.rmtree(w.dir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
