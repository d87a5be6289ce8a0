"""Only http(s) addresses with a host count as web addresses."""

from generator.weburl import is_web_url


def test_a_web_url_needs_http_or_https_and_a_host() -> None:
    assert is_web_url("https://nos.nl/x") and is_web_url("HTTP://nos.nl")
    assert not is_web_url("javascript:alert(1)")
    assert not is_web_url("nos.nl/x") and not is_web_url("https:///x")
