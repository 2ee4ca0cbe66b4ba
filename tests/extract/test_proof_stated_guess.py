"""A header's period stated by its own words proves a column's assignment; a period placed
over the column by order, beside a marker whose date a scan lost, proves nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.model.period import Instant

from .samples import TABBED, edited_sample, printed_as

SEPTEMBER_2013 = Instant(date=dt.date(2013, 9, 30))


def test_contracts_under_a_date_placed_by_order_are_not_filed_as_that_date(
        tmp_path: Path) -> None:
    """Sample 004's contracts (line 106) with the prior year's date unreadable: the current
    date went over the first column, and the prior year's 100,282 contracts were filed as
    September 2013's, proven by the change column and the header 'stating' the date."""
    ex = edited_sample(tmp_path, TABBED, printed_as(106, "Sep. 30, 2012", "S3p. 3O, 2O12"))
    filed = {f.value for f in ex.results.facts
             if f.concept == "InternetConnectivityEnterpriseContracts"
             and f.period == SEPTEMBER_2013}
    assert 100_282 not in filed
