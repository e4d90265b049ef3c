"""CSV cells never run as formulas and read back as written (issue 12).

The rule is OWASP's, https://owasp.org/www-community/attacks/CSV_Injection: a cell starting with
=, +, -, @, tab (0x09) or carriage return (0x0D) is prefixed with a single quote. (OWASP's page
itself is not in our reference store; its list and its single-quote advice are quoted in Symfony's
advisory CVE-2021-41270, https://symfony.com/cve-2021-41270, and ASVS 1.2.10.)
"""

from hypothesis import given
from hypothesis import strategies as st

from osteotrack.domain.csv_cells import neutralise, restore


def test_every_trigger_gets_a_quote():
    for text in ("=1+1", "+1 555", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\tx", "\rx", "=", "-"):
        assert neutralise(text) == "'" + text


def test_plain_text_numbers_and_values_that_are_not_text_are_left_alone():
    for value in ("hello", "'hello", "it's = fine", "", "-3", "-0500", "+2.5", 7, -2.5, None):
        assert neutralise(value) == value


def test_a_text_the_user_began_with_a_quote_keeps_it():
    assert neutralise("'=x") == "''=x" and restore("''=x") == "'=x"
    assert restore("'hello") == "'hello"


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab1 "), max_size=8))
def test_the_round_trip_is_lossless(text):
    cell = neutralise(text)
    assert restore(cell) == text
    # Only a plain number may start with a sign (a spreadsheet reads +1 and -1 as numbers, not formulas).
    assert not cell.startswith(("=", "@", "\t", "\r")) and (not cell.startswith(("-", "+"))
                                                             or cell[1:].replace(".", "", 1).isdigit())
