#!/usr/bin/env python3
"""Integration tests of the public side as a citizen meets it (issue 9, "Also on the public side"):
the receipt's print button and QR code (the ticket in the fragment, never a query), the form's regions,
compression, the help page, the hotline, the channels page. Same harness as test_public.py,
against the real stack (scripts/stack.sh writes form_regions = 22 and public_url).

Usage: test_public_extras.py BASE_URL STATE_DIR [test-name-substring]
"""

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_public as tp  # noqa: E402  (the harness: request, submit, stack, run_tests)
from test_public import PREFIX, get, test  # noqa: E402

TESTS = tp.TESTS
del TESTS[:]                 # only this file's tests


def receipt():
    """A named report through the HTML pages: (receipt answer, ticket, code)."""
    a, _, _ = tp.submit(ip=tp.fresh_ip(), xml=False)
    assert a.status == 200, a.status
    ticket = re.search(r'class="ticket-number">([0-9 ]+)<', a.text).group(1).replace(" ", "")
    code = re.search(r'class="query-code">([A-Za-z0-9]+)<', a.text).group(1)
    assert len(ticket) == 16 and len(code) == 8
    return a, ticket, code


def decode_qr(svg):
    """The text of the QR code drawn by the receipt's <svg>: rendered to PNG (rsvg-convert) and
    read back by zbarimg, as a phone's camera would."""
    for tool in ("rsvg-convert", "zbarimg"):
        assert shutil.which(tool), "%s is missing (scripts/deps.sh installs it)" % tool
    svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    with tempfile.TemporaryDirectory(prefix="jubao-qr-") as d:
        with open(os.path.join(d, "qr.svg"), "w") as f:
            f.write(svg)
        png = os.path.join(d, "qr.png")
        subprocess.run(["rsvg-convert", "-w", "400", "-h", "400", "-b", "white", "-o", png,
                        os.path.join(d, "qr.svg")], check=True, timeout=30)
        r = subprocess.run(["zbarimg", "--raw", "-q", png], capture_output=True, text=True,
                           timeout=30)
    assert r.returncode == 0, "zbarimg found no code: %s" % r.stderr
    return r.stdout.strip()


# ---------------------------------------------------------------------------------------------
@test
def receipt_has_print_button_without_inline_script():
    a, ticket, code = receipt()
    tp.assert_security_headers(a)
    # The button is hidden until jubao.js wires it; printing never needs it.
    assert re.search(r'<button type="button"[^>]*id="print-button" hidden', a.text), "no print button"
    assert "Ctrl+P" in a.text
    assert "<script>" not in a.text and " onclick" not in a.text and "<style" not in a.text
    assert re.search(r'<script src="%s/static/jubao\.js"' % PREFIX, a.text)
    js = get("/static/jubao.js").text
    assert 'byId("print-button")' in js and "window.print()" in js
    css = get("/static/jubao.css").text
    assert "@media print" in css and "size: A4" in css and ".receipt-print," in css


@test
def receipt_qr_opens_the_status_page_with_the_ticket_never_the_code():
    a, ticket, code = receipt()
    svg = re.search(r"<svg class=\"receipt-qr\".*?</svg>", a.text, re.S)
    assert svg, "no QR code on the receipt"
    assert re.search(r'viewBox="0 0 \d+ \d+"', svg.group(0)) and "<path" in svg.group(0)
    text = decode_qr(svg.group(0))
    # the ticket in the fragment, which a browser never sends to a server: no log or proxy on
    # the way sees it (issue 8); jubao.js fills the field from it (tests/browser/extras.mjs)
    assert text == "http://127.0.0.1:%d%s/status#t=%s" % (tp.PORT, PREFIX, ticket), text
    assert code not in text and code.lower() not in text.lower()
    # the address printed beside it is the same, and the code appears only in its own box
    assert ('class="lookup-address">%s<' % text) in a.text
    assert a.text.count(code) == 1
    # what the server gets of that address is the plain lookup form
    b = get(text[len("http://127.0.0.1:%d%s" % (tp.PORT, PREFIX)):].split("#")[0])
    assert b.status == 200 and 'id="ticket"' in b.text and ticket not in b.text
    # the receipt's own link to the lookup carries the ticket the same way
    assert 'href="%s/status#t=%s"' % (PREFIX, ticket) in a.text
    js = get("/static/jubao.js").text
    assert "#t=" in js and "replaceState" in js


@test
def status_reads_neither_ticket_nor_code_from_a_url():
    _, ticket, code = receipt()
    for q in ("ticket=%s" % ticket, "ticket=%s&code=%s" % (ticket, code), "format=xml&ticket=" + ticket):
        a = get("/status?" + q)
        assert a.status == 200
        assert ticket not in a.text and code not in a.text, q
    # a POST still needs both, and the query string adds nothing to it
    assert tp.post_form("/status?code=" + code, [("ticket", ticket), ("format", "xml")],
                        ip=tp.fresh_ip()).status == 400


def provinces(x):
    return [p.get("code") for p in x.find("regions").findall("province")]


@test
def form_lists_the_host_province_and_reaches_the_others():
    x = get("/submit?format=xml").xml()
    assert provinces(x) == ["220000"], provinces(x)
    assert all(c.get("code").startswith("22") for c in x.iter("county"))
    sw = x.find("region-switch")
    assert sw is not None and sw.get("shown") == "22" and len(sw.findall("province")) >= 31
    a = get("/submit")
    assert 'href="%s/submit?regions=all"' % PREFIX in a.text
    assert 'href="%s/submit?province=44"' % PREFIX in a.text
    assert "<details" in a.text      # the province list opens without JavaScript
    every = get("/submit?regions=all&format=xml").xml()
    assert len(provinces(every)) >= 31 and every.find("region-switch").get("shown") == ""
    gd = get("/submit?province=44&format=xml").xml()
    assert provinces(gd) == ["440000"]
    # a region chosen elsewhere (a link that fills one in) shows its province
    assert provinces(get("/submit?region=440106&format=xml").xml()) == ["440000"]
    for junk in ("99", "4", "x", "440000x", "<b>"):
        assert provinces(get("/submit?province=%s&format=xml" % tp.urllib.parse.quote(junk)).xml()) == ["220000"]
    # other provinces are still accepted, and the form again shows the province typed
    a, _, _ = tp.submit(ip=tp.fresh_ip(), region="440106")
    assert a.status == 200 and a.xml().tag == "receipt", a.text[:300]
    a, _, _ = tp.submit(ip=tp.fresh_ip(), region="440106", description="短")
    assert a.status == 400 and provinces(a.xml().find("submit-form")) == ["440000"]
    plain, every_html = len(get("/submit").body), len(get("/submit?regions=all").body)
    print("     form page: %d bytes (all of China: %d)" % (plain, every_html))
    assert plain * 5 < every_html


@test
def pages_are_served_gzipped():
    for path, ctype in (("/", "text/html"), ("/submit", "text/html"), ("/status", "text/html"),
                        ("/help", "text/html"), ("/channels", "text/html"),
                        ("/channels?format=xml", "application/xml"),
                        ("/static/jubao.css", "text/css"), ("/static/jubao.js", "javascript")):
        a = tp.request("GET", path, headers={"Accept-Encoding": "gzip"})
        assert a.status == 200, path
        assert a.header("content-encoding") == "gzip", (path, a.headers)
        assert ctype in a.header("content-type"), (path, a.header("content-type"))
        body = gzip.decompress(a.body)
        plain = get(path).body
        assert not get(path).header("content-encoding")
        if "submit" not in path:       # the form has a fresh token each time
            assert body == plain, path
        else:
            assert len(body) == len(plain), path
    a = tp.request("GET", "/submit", headers={"Accept-Encoding": "gzip"})
    print("     form page gzipped: %d bytes" % len(a.body))
    # the console is not compressed (BREACH: a session token beside request-chosen text)
    a = tp.request("GET", "/admin/login", headers={"Accept-Encoding": "gzip"})
    assert not a.header("content-encoding"), a.headers


@test
def help_page_exists_and_every_public_page_links_it():
    a = get("/help")
    assert a.status == 200
    tp.assert_security_headers(a)
    for words in ("如何举报", "2个工作日", "5个工作日", "10个工作日", "匿名", "隐私", "接报人"):
        assert words in a.text, words
    assert 'aria-current="page">举报须知<' in a.text
    r, ticket, code = receipt()
    case = tp.lookup(ticket, code, xml=False)
    assert case.status == 200
    pages = {"/": get("/"), "/submit": get("/submit"), "/status": get("/status"),
             "/channels": get("/channels"), "/lists": get("/lists"), "/help": a,
             "/nope": get("/nope"), "receipt": r, "case": case,
             "form again": tp.submit(ip=tp.fresh_ip(), xml=False, description="短")[0]}
    for name, p in pages.items():
        assert p.text.count('href="%s/help"' % PREFIX) >= 1, name


def restart():
    tp.stack("stop")
    tp.stack("start")


def restart_with(extra):
    os.environ["JUBAO_EXTRA_CONF"] = extra
    restart()


@test
def hotline_from_the_configuration_is_shown_when_set():
    saved = os.environ.get("JUBAO_EXTRA_CONF")
    base = "\n".join(l for l in (saved or "").split("\n") if not l.startswith("hotline"))
    try:
        restart_with(base + "\nhotline = 0431-8888<9999>")
        for path in ("/", "/help", "/submit", "/status"):
            t = get(path).text
            assert "0431-8888&lt;9999&gt;" in t, path
            assert "<9999>" not in t
        restart_with(base)
        for path in ("/", "/help"):
            assert "举报电话" not in get(path).text, path
    finally:
        if saved is None:
            os.environ.pop("JUBAO_EXTRA_CONF", None)
        else:
            os.environ["JUBAO_EXTRA_CONF"] = saved
        restart()


@test
def channels_list_the_host_province_first():
    x = get("/channels?format=xml").xml()
    auth = x.findall("authority")
    assert auth[0].get("code", "").startswith("22") and auth[0].get("host") == "1", auth[0].attrib
    assert sum(1 for a in auth if a.get("host") == "1") == sum(
        1 for a in auth if a.get("code", "").startswith("22"))
    assert len(auth) >= 30
    a = get("/channels")
    first = re.search(r"<tbody><tr[^>]*><th scope=\"row\">([^<]+)<", a.text)
    assert first and first.group(1) == "吉林省", first and first.group(1)
    assert 'class="channel-host"' in a.text


if __name__ == "__main__":
    sys.exit(tp.run_tests(TESTS, "public-extras"))
