"""Label rewordings: the same statement lines worded as other companies word them.

Why: a synthetic release prints only wordings its taxonomy declares (``Wordings`` in
:mod:`generator.synthetic.statements` picks a row's label from its concept's aliases, its row
aliases or its standard label), so the unseen-releases benchmark never shows the extractor a
label wording it does not know. A new company's release does: "Net sales" where the taxonomy
says "Total revenues", "Provision for income taxes" for "Income tax expense", "Treasury shares"
for "Treasury stock". The rule sets below rewrite a printed wording into such an alternative.

Where the wordings come from: general usage in English financial statements (US GAAP filers'
statements, IFRS statements, UK statements, Japanese companies' English translations of J-GAAP
and US-GAAP statements; for ``final`` also Korean, Indian and Australian ones; for ``fifth``
Canadian, Hong Kong, Singaporean, South African, New Zealand, German and Scandinavian ones, older
US filings, banks' and telcos' wording and abbreviated styles; for ``sixth`` Irish, Malaysian,
Philippine, Nigerian, Kenyan, Israeli, Brazilian, Mexican, Dutch, Belgian and Swiss ones, Chinese
and Taiwanese companies' English translations, US tech companies' 10-Ks of the 2010s, insurers'
and utilities' wording and investor-presentation shorthand), written from that usage alone.
They were NOT checked against, nor tuned to, what the extractor's label matcher accepts: they
exist to measure it. Each rewrite keeps the line's meaning and the sign of its figure (a reader
would book the figure to the same concept).

Six sets, ``dev`` (to look at while working on the matcher), ``holdout`` (to measure it
afterwards, never to tune on), ``fresh`` (written later and apart from both, with UK usage
besides: a second measure, never to tune on), ``final`` (written apart from all three, with
Australian, Korean and Indian usage besides: a third measure, never to tune on), ``fifth``
(written after and apart from all four, from Canadian, Hong Kong, Singaporean, South African, New
Zealand, German and Scandinavian usage, older US filings, banks' and telcos' wording and
abbreviations such as "PP&E", "A/R", "D&A", "Cap-ex": a further measure, never to tune on) and
``sixth`` (written after and apart from all five, from Irish, Malaysian, Philippine, Nigerian,
Kenyan, Israeli, Brazilian, Mexican, Dutch, Belgian and Swiss usage, Chinese and Taiwanese
companies' English translations, US tech companies' 10-Ks, insurers' and utilities' wording and
investor-presentation shorthand such as "EPS (basic)", "PBT", "Dec. (inc.) in", "AOCI": one
more measure, never to tune on): they rewrite many of the same phrases, never into the same
wording (no replacement is in two sets).
A release with ``ReleaseOptions.reword`` rewords ``reword_share`` of the rows (headings too)
whose declared wording a rule of its set matches; labels built from the standard label and the
amounts it states ("..., net of allowance ... of JPY 1,234 thousand ...") are left as they are.

A rule is ``(phrase, replacements)``: ``phrase`` is matched case-insensitively on word
boundaries (``^`` anchors it to the start of the label, ``$`` to its end, a trailing colon
allowed; spaces match any run of whitespace, an apostrophe either apostrophe); the release
picks one of ``replacements`` per rule, so a release words a phrase alike wherever it occurs.
Where phrases overlap, the leftmost match wins, then the longest phrase; the replaced text is
not matched again. Replacements take the case style of the text they replace (ALL CAPS labels
stay all caps, Title Case spans become Title Case, a span starting in lower case starts the
replacement in lower case unless it opens with an acronym such as "ADS", "A/R" or "D&A").
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from generator.synthetic.truth import FactKey

Rule = tuple[str, tuple[str, ...]]

# US GAAP statements and Japanese US-GAAP filers' English statements, mostly.
DEV: tuple[Rule, ...] = (
    # statement of income
    ("^revenues", ("Net sales",)),
    ("total revenues", ("Total net sales", "Total net revenues")),
    ("cost of revenues", ("Cost of sales",)),
    ("costs and expenses", ("Operating costs and expenses",)),
    ("sales and marketing", ("Selling and marketing",)),
    ("general and administrative", ("General & administrative",)),
    ("research and development$", ("Research and development costs",)),
    ("operating income", ("Operating profit",)),
    ("income before income tax expense (benefit)",
     ("Income before provision for (benefit from) income taxes",)),
    ("income before income tax expense", ("Income before provision for income taxes",)),
    ("income before income taxes", ("Earnings before income taxes",)),
    ("income from operations before income tax expense and equity in net income of equity "
     "method investees", ("Income before income taxes and equity in earnings of affiliated "
                          "companies",)),
    ("^income tax expense (benefit)", ("Provision for (benefit from) income taxes",)),
    ("^income tax expense", ("Provision for income taxes",)),
    ("^income tax expenses", ("Provision for income taxes",)),
    ("deferred income tax expense (benefit)", ("Deferred income taxes",)),
    ("deferred income tax benefit", ("Deferred income taxes",)),
    ("net income", ("Net earnings",)),
    ("noncontrolling interests", ("Non-controlling interests",)),
    ("equity method investees", ("Affiliated companies",)),
    ("equity method investee", ("Affiliated company",)),
    ("foreign exchange", ("Foreign currency exchange",)),
    ("other income (expense)", ("Non-operating income (expense)",)),
    ("net gain on sales of other investments", ("Gain on sale of other investments, net",)),
    ("impairment of other investments",
     ("Other-than-temporary impairment of other investments",)),
    ("other intangible assets", ("Other intangibles",)),
    ("depreciation and amortization", ("Depreciation and amortisation",)),
    # per share
    ("basic net income per share", ("Basic earnings per share",)),
    ("diluted net income per share", ("Diluted earnings per share",)),
    ("per ADS equivalent", ("Per ADS",)),
    ("basic weighted-average number of shares", ("Weighted average shares outstanding—basic",)),
    ("diluted weighted-average number of shares",
     ("Weighted average shares outstanding—diluted",)),
    ("weighted-average number of ADS equivalents", ("Weighted average ADSs outstanding",)),
    # balance sheet
    ("cash and cash equivalents", ("Cash and equivalents",)),
    ("accounts receivable", ("Trade receivables", "Trade accounts receivable")),
    ("accounts payable—trade", ("Trade accounts payable",)),
    ("accounts payable—other", ("Other accounts payable",)),
    ("accrued expenses", ("Accrued liabilities",)),
    ("income taxes payable", ("Accrued income taxes",)),
    ("accrued retirement and pension costs", ("Accrued pension and severance costs",)),
    ("deferred income—current", ("Deferred revenue, current",)),
    ("deferred tax assets", ("Deferred income tax assets",)),
    ("prepaid expenses—noncurrent", ("Long-term prepaid expenses",)),
    ("noncurrent", ("Non-current",)),
    ("property and equipment", ("Property, plant and equipment",)),
    ("capital lease obligations—current portion",
     ("Current portion of capital lease obligations",)),
    ("capital lease obligations—noncurrent", ("Capital lease obligations, less current portion",)),
    ("long-term borrowings—current portion", ("Current portion of long-term debt",)),
    ("long-term borrowings", ("Long-term debt",)),
    ("short-term borrowings", ("Short-term debt",)),
    ("guarantee deposits", ("Lease and guarantee deposits",)),
    ("total current assets", ("Current assets, total",)),
    ("total current liabilities", ("Current liabilities, total",)),
    # equity
    ("shareholders' equity", ("Stockholders' equity",)),
    ("additional paid-in capital", ("Capital surplus",)),
    ("common stock", ("Common shares", "Capital stock")),
    ("treasury stock", ("Treasury shares",)),
    ("accumulated deficit", ("Retained earnings (deficit)",)),
    # statement of cash flows
    ("^operating activities", ("Cash flows from operating activities",)),
    ("^investing activities", ("Cash flows from investing activities",)),
    ("^financing activities", ("Cash flows from financing activities",)),
    ("net cash provided by (used in)", ("Net cash from (used in)",)),
    ("net cash provided by", ("Net cash from",)),
    ("net cash used in", ("Net cash used for",)),
    ("decrease (increase) in", ("(Increase) decrease in",)),
    ("purchase of property and equipment", ("Capital expenditures",)),
    ("dividends paid", ("Cash dividends paid",)),
    ("interest paid", ("Cash paid for interest",)),
    ("income taxes paid", ("Cash paid for income taxes",)),
    ("principal payments under capital leases", ("Repayments of capital lease obligations",)),
    ("additional cash flow information", ("Supplemental cash flow information",)),
    ("acquisition of a newly controlled company", ("Acquisition of a subsidiary",)),
    ("provision for allowance for doubtful accounts", ("Provision for doubtful accounts",)),
)

# IFRS statements and Japanese companies' English translations of J-GAAP statements, mostly,
# with some other US wordings.
HOLDOUT: tuple[Rule, ...] = (
    # statement of income
    ("^revenues", ("Operating revenues",)),
    ("total revenues", ("Total operating revenues",)),
    ("cost of revenues", ("Cost of goods and services sold",)),
    ("cost and expenses", ("Costs and operating expenses",)),
    ("sales and marketing expenses", ("Selling expenses",)),
    ("general and administrative expenses", ("Administrative expenses",)),
    ("research and development", ("Product development",)),
    ("operating income", ("Operating earnings",)),
    ("income before income tax expense (benefit)", ("Profit before income taxes",)),
    ("income before income tax expense", ("Profit before tax",)),
    ("income before income taxes", ("Pre-tax income",)),
    ("income from operations before income tax expense and equity in net income in equity "
     "method investees", ("Profit before income taxes and share of profit of associates",)),
    ("^income tax expense", ("Income tax provision",)),
    ("^income tax expenses", ("Taxes on income",)),
    ("deferred income tax expense", ("Deferred tax expense",)),
    ("^net income$", ("Profit for the period",)),
    ("net income attributable to noncontrolling interests", ("Minority interests in income",)),
    ("net income attributable to", ("Profit attributable to owners of",)),
    ("basic net income attributable to", ("Basic earnings attributable to",)),
    ("diluted net income attributable to", ("Diluted earnings attributable to",)),
    ("noncontrolling interests", ("Minority interests",)),
    ("equity in net income of equity method investees", ("Share of profit of associates",)),
    ("equity in net income (loss) of equity method investees",
     ("Share of profit (loss) of associates",)),
    ("equity method investees", ("Associates",)),
    ("foreign exchange", ("Foreign currency transaction",)),
    ("other income (expenses)", ("Other income and expenses",)),
    ("on sales of other investments", ("On disposal of other investments",)),
    ("impairment of other investments", ("Impairment losses on other investments",)),
    ("other intangible assets", ("Intangible assets other than goodwill",)),
    ("depreciation and amortization", ("Depreciation & amortization",)),
    # per share
    ("basic net income per share", ("Earnings per share—basic",)),
    ("diluted net income per share", ("Earnings per share—diluted",)),
    ("^net income per share", ("Earnings per share",)),
    ("per ADS equivalent", ("Per American Depositary Share",)),
    ("weighted-average number of shares", ("Average number of common shares outstanding",)),
    # balance sheet
    ("cash and cash equivalents, beginning of", ("Cash and cash equivalents at beginning of",)),
    ("cash and cash equivalents, end of", ("Cash and cash equivalents at end of",)),
    ("net increase (decrease) in cash and cash equivalents",
     ("Net change in cash and cash equivalents",)),
    ("effect of exchange rate changes", ("Effect of exchange rate fluctuations",)),
    ("accounts receivable", ("Notes and accounts receivable—trade",)),
    ("accounts payable—trade", ("Trade payables",)),
    ("accounts payable—other", ("Other payables",)),
    ("accrued expenses", ("Accruals",)),
    ("income taxes payable", ("Current tax liabilities",)),
    ("accrued retirement and pension costs", ("Retirement benefit liabilities",)),
    ("deferred income—noncurrent", ("Long-term contract liabilities",)),
    ("deferred tax assets—current", ("Current deferred tax assets",)),
    ("prepaid expenses", ("Prepayments",)),
    ("inventories", ("Inventory",)),
    ("other noncurrent liabilities", ("Other long-term liabilities",)),
    ("property and equipment", ("Tangible fixed assets",)),
    ("capital lease obligations", ("Finance lease liabilities",)),
    ("long-term borrowings", ("Long-term loans payable",)),
    ("short-term borrowings", ("Short-term loans payable",)),
    ("guarantee deposits", ("Security deposits",)),
    ("facilities purchase liabilities", ("Payables for capital expenditures",)),
    ("total liabilities and shareholders' equity", ("Total equity and liabilities",)),
    ("total equity", ("Total net assets",)),
    # equity
    ("shareholders' equity", ("Shareowners' equity",)),
    ("additional paid-in capital", ("Capital in excess of par value",)),
    ("common stock", ("Share capital",)),
    ("treasury stock", ("Own shares",)),
    ("retained earnings", ("Reinvested earnings",)),
    ("accumulated other comprehensive income (loss)", ("Other components of equity",)),
    # statement of cash flows
    ("net cash provided by (used in)", ("Net cash flows from (used in)",)),
    ("net cash provided by", ("Net cash generated from",)),
    ("net cash used in", ("Net cash flows used in",)),
    ("adjustments to reconcile net income to net cash provided by operating activities",
     ("Adjustments for",)),
    ("increase (decrease) in", ("Increase/(decrease) in",)),
    ("changes in operating assets and liabilities", ("Movements in working capital",)),
    ("^purchase of", ("Payments to acquire",)),
    ("dividends paid", ("Payments of dividends",)),
    ("interest paid", ("Interest expenses paid",)),
    ("noncash investing and financing activities",
     ("Supplemental schedule of noncash investing and financing activities",)),
    ("newly controlled company", ("Newly consolidated subsidiary",)),
    ("allowance for doubtful accounts", ("Allowance for bad debts",)),
    ("proceeds from subsidies", ("Subsidies received",)),
)

# A third set, written apart from the other two (no replacement is in either): UK usage
# (Companies Act formats, old UK GAAP), IFRS statements of European and Asian issuers, Japanese
# companies' English statements, and US wordings the other sets leave out. Only for measuring.
FRESH: tuple[Rule, ...] = (
    # headings
    ("commitments and contingencies",
     ("Commitments and contingent liabilities", "Contingencies and commitments")),
    ("^current liabilities$", ("Creditors falling due within one year",
                               "Creditors: amounts falling due within one year")),
    ("^liabilities and equity$", ("Equity and liabilities",)),
    # statement of income
    ("^revenues$", ("Revenue", "Turnover")),
    ("total revenues", ("Total revenue", "Revenues, total")),
    ("costs and expenses", ("Costs & expenses", "Expenses")),
    ("sales and marketing", ("Marketing and sales", "Sales & marketing")),
    ("general and administrative", ("Administrative and general",)),
    ("research and development", ("Research & development",)),
    ("operating income", ("Profit from operations", "Results from operating activities")),
    ("operating income (loss)",
     ("Profit (loss) from operations", "Results from operating activities")),
    ("interest income", ("Interest receivable and similar income", "Interest revenue")),
    ("interest expense", ("Interest payable and similar charges", "Interest charges")),
    ("foreign exchange", ("Exchange", "Currency exchange")),
    ("other income (expense)", ("Other income/(expense)", "Other non-operating income (expense)")),
    ("income before income tax expense (benefit)",
     ("Profit before taxation", "Income (loss) before income taxes")),
    ("income before income tax expense", ("Income before taxes", "Profit before taxation")),
    ("income before income taxes", ("Income before taxes", "Profit before income tax")),
    ("income from operations before income tax expense and equity in net income of equity "
     "method investees", ("Profit before taxation and share of results of associates",
                          "Income before taxes and equity in income of affiliates")),
    ("income from operations before income tax expense and equity in net income in equity "
     "method investees", ("Profit before taxation and share of results of associates",
                          "Income before taxes and equity in income of affiliates")),
    ("^income tax expense (benefit)", ("Income tax charge (credit)", "Income taxes")),
    ("^income tax expense", ("Taxation", "Income tax charge")),
    ("^income tax expenses", ("Tax on profit", "Income taxes")),
    ("equity method investees", ("Associated companies", "Equity-accounted investees")),
    ("net income", ("Net profit",)),
    ("noncontrolling interests", ("Noncontrolling interests in consolidated subsidiaries",)),
    # per share
    ("^net income per share$", ("Per share data", "Earnings per common share")),
    ("basic net income per share",
     ("Basic earnings per ordinary share", "Net income per share—basic")),
    ("diluted net income per share",
     ("Diluted earnings per ordinary share", "Net income per share—diluted")),
    ("basic net income per ADS equivalent", ("Basic earnings per ADS", "Net income per ADS—basic")),
    ("diluted net income per ADS equivalent",
     ("Diluted earnings per ADS", "Net income per ADS—diluted")),
    # balance sheet
    ("cash and cash equivalents", ("Cash & cash equivalents",)),
    ("cash and cash equivalents, beginning of",
     ("Cash and cash equivalents—beginning of", "Cash and cash equivalents at start of")),
    ("cash and cash equivalents, end of",
     ("Cash and cash equivalents—end of", "Cash and cash equivalents as at end of")),
    ("accounts receivable", ("Trade debtors", "Accounts receivable, trade")),
    ("allowance for doubtful accounts",
     ("Allowance for credit losses", "Allowance for doubtful receivables")),
    ("inventories", ("Stocks",)),
    ("property and equipment", ("Tangible assets", "Premises and equipment")),
    ("other intangible assets", ("Intangible assets",)),
    ("other investments", ("Other investment securities",)),
    ("net investment in sales-type leases", ("Finance lease receivables", "Lease receivables")),
    ("guarantee deposits", ("Leasehold deposits",)),
    ("accounts payable—trade", ("Trade creditors", "Accounts payable, trade")),
    ("accounts payable—other", ("Other creditors", "Accounts payable, other")),
    ("income taxes payable", ("Corporation tax payable", "Income tax liabilities")),
    ("accrued retirement and pension costs",
     ("Liability for retirement benefits", "Pension and retirement obligations")),
    ("deferred income—current", ("Current contract liabilities", "Unearned revenue")),
    ("deferred income—noncurrent",
     ("Non-current contract liabilities", "Long-term unearned revenue")),
    ("short-term borrowings", ("Short-term bank borrowings", "Short term borrowings")),
    ("long-term borrowings", ("Long-term bank borrowings", "Long term borrowings")),
    ("capital lease obligations",
     ("Obligations under capital leases", "Finance lease obligations")),
    ("total liabilities and shareholders' equity", ("Total liabilities and net assets",)),
    # equity
    ("shareholders' equity", ("Shareholders' funds",)),
    ("^common stock$", ("Called up share capital", "Ordinary shares")),
    ("issuance of common stock", ("Issue of ordinary shares", "Issue of share capital")),
    ("additional paid-in capital", ("Share premium", "Additional paid in capital")),
    ("treasury stock", ("Shares held in treasury",)),
    ("retained earnings", ("Retained profits", "Earned surplus")),
    ("accumulated deficit", ("Accumulated losses", "Retained deficit")),
    ("accumulated other comprehensive income (loss)",
     ("Accumulated other comprehensive earnings (loss)",
      "Accumulated other comprehensive income/(loss)")),
    # statement of cash flows
    ("^operating activities$", ("Cash flow from operating activities",)),
    ("^investing activities$", ("Cash flow from investing activities",)),
    ("^financing activities$", ("Cash flow from financing activities",)),
    ("net cash provided by (used in)",
     ("Net cash inflow (outflow) from", "Net cash provided by/(used in)")),
    ("net cash provided by", ("Net cash inflow from", "Cash provided by")),
    ("net cash used in", ("Net cash outflow from", "Cash used in")),
    ("^depreciation and amortization$",
     ("Depreciation and amortization expense", "Amortization and depreciation")),
    ("deferred income tax expense (benefit)",
     ("Deferred taxes", "Deferred tax charge (credit)")),
    ("deferred income tax benefit", ("Deferred tax benefit", "Deferred tax credit")),
    ("provision for retirement and pension costs, less payments",
     ("Increase (decrease) in net defined benefit liability",
      "Retirement benefit expense, net of payments")),
    ("changes in operating assets and liabilities",
     ("Changes in assets and liabilities", "Changes in working capital")),
    ("decrease (increase) in", ("Decrease/(increase) in",)),
    ("^increase (decrease) in", ("(Decrease) increase in",)),
    ("effect of exchange rate changes",
     ("Effect of foreign exchange rate changes", "Effects of currency translation")),
    ("^purchase of", ("Payments for purchase of", "Purchases of")),
    ("proceeds from sales of", ("Proceeds from disposal of", "Proceeds from sale of")),
    ("acquisition of a newly controlled company",
     ("Purchase of subsidiary undertakings", "Business acquisition")),
    ("dividends paid", ("Dividends paid to shareholders", "Equity dividends paid")),
    ("income taxes paid", ("Tax paid", "Taxes paid on income")),
    ("additional cash flow information", ("Supplementary cash flow information",
                                          "Supplemental disclosures of cash flow information")),
)

# A fourth set, written last and apart from the other three (no replacement is in any of
# them): US GAAP filers' 10-K/10-Q statements and earnings releases, IFRS issuers (European,
# Australian, Asian), Japanese and Korean companies' English statements, Indian (Ind AS and the
# older Schedule VI) and UK filers. Only for measuring, never to tune on.
FINAL: tuple[Rule, ...] = (
    # headings
    ("commitments and contingencies", ("Commitments and contingencies (Note 12)", "Contingencies")),
    ("^shareholders' equity$",
     ("Capital and reserves", "Equity attributable to owners of the parent")),
    ("^operating activities$", ("Cash flows from (used in) operating activities",)),
    ("^investing activities$", ("Cash flows from (used in) investing activities",)),
    ("^financing activities$", ("Cash flows from (used in) financing activities",)),
    ("noncash investing and financing activities",
     ("Non-cash investing and financing activities", "Significant non-cash transactions")),
    # statement of income
    ("^revenues$", ("Revenue from operations", "Net revenue")),
    ("total revenues", ("Total revenue from operations", "Total sales")),
    ("cost of revenues", ("Cost of revenue", "Cost of products and services sold")),
    ("costs and expenses", ("Cost of sales and operating expenses",)),
    ("sales and marketing", ("Selling and distribution",)),
    ("general and administrative", ("General and administration",)),
    ("research and development", ("R&D",)),
    ("operating income", ("Operating result", "Profit from operating activities")),
    ("operating income (loss)", ("Operating result", "Profit (loss) from operating activities")),
    ("^income from operations$", ("Earnings from operations", "Profit from operating activities")),
    ("interest income", ("Interest earned", "Interest and similar income")),
    ("interest expense", ("Finance costs", "Interest expenses")),
    ("foreign exchange", ("Foreign currency", "Forex")),
    ("other income (expense)", ("Other income (deductions)", "Other (expense) income")),
    ("income before income tax expense (benefit)",
     ("Profit (loss) before income tax expense", "Earnings (loss) before income taxes")),
    ("income before income tax expense",
     ("Profit before income tax expense", "Earnings before income tax expense")),
    ("income before income taxes", ("Earnings before provision for taxes on income",
                                    "Profit before income tax expense")),
    ("income from operations before income tax expense and equity in net income of equity "
     "method investees",
     ("Earnings before income taxes and equity in earnings of unconsolidated affiliates",
      "Profit before tax and share of net profit of associates")),
    ("^income tax expense (benefit)",
     ("Tax expense (benefit)", "Provision (benefit) for income taxes")),
    ("^income tax expense", ("Tax expense",)),
    ("^income tax expenses", ("Total income taxes", "Tax expenses")),
    ("equity method investees", ("Unconsolidated affiliates", "Equity affiliates")),
    ("^net income$", ("Profit after tax", "Consolidated net income")),
    ("net income attributable to noncontrolling interests",
     ("Profit attributable to non-controlling interests",
      "Less: Net income attributable to noncontrolling interests")),
    ("net income attributable to",
     ("Profit attributable to equity holders of", "Net income attributable to shareholders of")),
    ("^noncontrolling interests$",
     ("Outside equity interests", "Equity attributable to non-controlling interests")),
    # per share
    ("^net income per share$", ("Net income per common share", "Per share amounts")),
    ("basic net income per share", ("Basic net income per common share", "Basic EPS")),
    ("diluted net income per share", ("Diluted net income per common share", "Diluted EPS")),
    ("per ADS equivalent", ("per equivalent ADS",)),
    ("basic weighted-average number of shares",
     ("Weighted average number of ordinary shares for basic earnings per share",
      "Basic weighted average common shares outstanding")),
    ("diluted weighted-average number of shares",
     ("Weighted average number of ordinary shares for diluted earnings per share",
      "Diluted weighted average common shares outstanding")),
    # balance sheet
    ("^cash and cash equivalents$", ("Cash at bank and in hand", "Cash and short-term deposits")),
    ("accounts receivable", ("Receivables from customers", "Sundry debtors")),
    ("allowance for doubtful accounts", ("Allowance for uncollectible accounts", "Loss allowance")),
    ("prepaid expenses—noncurrent",
     ("Prepaid expenses, non-current portion", "Non-current prepayments")),
    ("^other assets", ("Other non-current assets",)),
    ("other investments", ("Other financial assets", "Other long-term investments")),
    ("property and equipment", ("Fixed assets", "Plant and equipment")),
    ("other intangible assets",
     ("Identifiable intangible assets", "Other intangible fixed assets")),
    ("guarantee deposits", ("Rental deposits", "Lease deposits")),
    ("accounts payable—trade", ("Notes and accounts payable—trade", "Payables to suppliers")),
    ("accounts payable—other", ("Non-trade payables", "Accounts payable—non-trade")),
    ("accrued expenses", ("Accrued charges", "Accrued expenses payable")),
    ("income taxes payable", ("Current income tax payable", "Income taxes due")),
    ("accrued retirement and pension costs",
     ("Post-employment benefit obligations", "Accrued pension liabilities")),
    ("deferred income—current", ("Unearned income—current", "Advances from customers")),
    ("deferred income—noncurrent",
     ("Unearned income—noncurrent", "Deferred revenue, less current portion")),
    ("short-term borrowings", ("Short-term loans", "Short-term bank loans")),
    ("long-term borrowings", ("Long-term loans", "Long-term bank loans")),
    ("capital lease obligations",
     ("Obligations under finance leases", "Capital lease liabilities")),
    ("total liabilities and shareholders' equity",
     ("Total liabilities & shareholders' equity", "Total liabilities and owners' equity")),
    # equity
    ("^common stock$", ("Equity share capital", "Issued capital")),
    ("issuance of common stock", ("Issuance of shares", "Issue of equity shares")),
    ("additional paid-in capital", ("Securities premium", "Paid-in surplus")),
    ("^treasury stock$", ("Treasury stock, at cost", "Less: Treasury stock, at cost")),
    ("retained earnings", ("Profit and loss account", "Retained income")),
    ("accumulated deficit", ("Deficit", "Retained losses")),
    ("accumulated other comprehensive income (loss)",
     ("Other reserves", "Accumulated other comprehensive income (loss), net of tax")),
    ("accumulated other comprehensive income",
     ("Valuation and translation adjustments", "Other reserves")),
    ("accumulated other comprehensive loss", ("Accumulated other comprehensive loss, net of tax",)),
    # statement of cash flows
    ("adjustments to reconcile net income to net cash provided by operating activities",
     ("Adjustments to reconcile net income to cash provided by operations",
      "Non-cash adjustments")),
    ("net cash provided by (used in)",
     ("Net cash provided by (applied to)", "Net cash generated from/(utilised in)")),
    ("net cash provided by", ("Net cash flows provided by", "Net cash provided from")),
    ("net cash used in", ("Net cash utilised in", "Net cash applied to")),
    ("^depreciation and amortization$",
     ("Depreciation and amortisation charge", "Provision for depreciation and amortization")),
    ("gain on sales of", ("Profit on sale of",)),
    ("deferred income tax expense (benefit)",
     ("Deferred income tax provision (benefit)",
      "Provision for (benefit from) deferred income taxes")),
    ("deferred income tax expense", ("Provision for deferred income taxes", "Deferred taxation")),
    ("deferred income tax benefit", ("Benefit from deferred income taxes",)),
    ("provision for retirement and pension costs, less payments",
     ("Pension and severance costs, less payments", "Pension expense in excess of contributions")),
    ("changes in operating assets and liabilities",
     ("Working capital adjustments", "Net change in operating assets and liabilities")),
    ("purchase of property and equipment",
     ("Additions to property and equipment", "Payments for plant and equipment")),
    ("^purchase of", ("Acquisition of", "Payments for acquisition of")),
    ("proceeds from sales of", ("Proceeds on disposal of", "Sales of")),
    ("acquisition of a newly controlled company",
     ("Acquisitions", "Purchase of shares of subsidiaries resulting in change in scope of "
      "consolidation")),
    ("principal payments under capital leases",
     ("Repayment of obligations under finance leases",
      "Principal elements of finance lease payments")),
    ("dividends paid", ("Dividend payments", "Dividends paid to owners of the parent")),
    ("interest paid", ("Cash paid during the period for interest", "Interest payments")),
    ("income taxes paid", ("Cash paid during the period for income taxes", "Direct taxes paid")),
    ("cash and cash equivalents, beginning of", ("Cash and cash equivalents at commencement of",)),
    ("cash and cash equivalents, end of", ("Cash and cash equivalents at close of",)),
    ("net increase (decrease) in cash and cash equivalents",
     ("Net increase (decrease) in cash held", "Net cash inflow (outflow) for the period")),
    ("effect of exchange rate changes on cash and cash equivalents",
     ("Effect of movements in exchange rates on cash held", "Net foreign exchange difference")),
)

# A fifth set, written after the other four and apart from them (no replacement is in any of
# them): Canadian statements (items not affecting cash, changes in non-cash working capital,
# future income taxes, recovery of income taxes, capital assets, contributed surplus), Hong
# Kong, Singapore, South African and New Zealand usage (taxation, accumulated profits, revenue
# reserves, stated capital, bad and doubtful debts, surplus on disposal, income received in
# advance), German and Scandinavian companies' English reports (liquid funds, capital reserves,
# subscribed capital, provisions for pensions, companies accounted for using the equity method,
# short-term liabilities), older US filings (1990s: stockholders' investment, current
# maturities and instalments, excess of cost over net assets acquired, reserve for doubtful
# accounts), banks' and telcos' wording (finance charges, interest and similar expenses), and
# plain or abbreviated styles (Cap-ex, D&A, PP&E, A/R, A/P, FX, AOCI). Only for measuring,
# never to tune on.
FIFTH: tuple[Rule, ...] = (
    # headings
    ("^current liabilities$", ("Short-term liabilities",)),
    ("^operating activities$", ("Cash flows relating to operating activities",
                                "Cash flows arising from operating activities")),
    # statement of income
    ("^revenues$", ("Sales and other operating revenues", "Net sales and revenues")),
    ("total revenues",
     ("Total sales and other operating revenues", "Total net sales and revenues")),
    ("cost of revenues", ("Cost of sales and services", "Direct costs")),
    ("costs and expenses", ("Costs and expenditure", "Charges and expenses")),
    ("sales and marketing expenses", ("Distribution costs", "Selling costs")),
    ("^general and administrative$", ("G&A",)),
    ("general and administrative expenses",
     ("Administration costs", "Management and administration expenses")),
    ("research and development expenses", ("Research and development expenditure", "R&D expense")),
    ("operating income", ("Trading profit", "Income from operating activities")),
    ("interest income", ("Finance income", "Income from interest")),
    ("interest expense", ("Finance charges", "Interest and similar expenses")),
    ("foreign exchange", ("FX", "Exchange rate")),
    ("other income (expense)", ("Other revenue (expense)", "Sundry income (expense)")),
    ("income before income taxes", ("Income before taxes on income", "Net profit before taxation")),
    ("income before income tax expense (benefit)",
     ("Income before provision for (recovery of) income taxes", "Pre-tax profit")),
    ("income before income tax expense", ("Income before tax provision", "Pre-tax earnings")),
    ("income from operations before income tax expense and equity in net income of equity "
     "method investees", ("Income before taxes on income and share of earnings of affiliates",
                          "Profit before taxation and share of profit of associated companies")),
    ("^income tax expense (benefit)",
     ("Provision for (recovery of) income taxes", "Income tax provision (recovery)")),
    ("^income tax expense", ("Provision for taxes", "Tax charge")),
    ("equity in net income of equity method investees",
     ("Share of profits of associated companies", "Equity in earnings of investees")),
    ("equity method investees",
     ("Associates accounted for by the equity method",
      "Companies accounted for using the equity method")),
    ("^net income$", ("Net profit after taxation", "Net earnings for the period")),
    ("net income attributable to noncontrolling interests",
     ("Minority shareholders' share of net income",
      "Profit attributable to minority shareholders")),
    ("net income attributable to",
     ("Net profit attributable to shareholders of", "Net earnings attributable to")),
    ("noncontrolling interests",
     ("Outside shareholders' interests", "Minority shareholders' interest")),
    ("gain on sales of", ("Surplus on disposal of",)),
    ("other investments", ("Sundry investments", "Miscellaneous investments")),
    ("depreciation and amortization", ("D&A", "Depreciation/amortization")),
    # per share
    ("basic net income per share", ("Earnings per share, basic", "Basic net earnings per share")),
    ("diluted net income per share",
     ("Earnings per share, diluted", "Diluted net earnings per share")),
    ("basic weighted-average number of shares",
     ("Weighted average shares in issue—basic", "Basic weighted average shares")),
    ("diluted weighted-average number of shares",
     ("Weighted average shares in issue—diluted", "Diluted weighted average shares")),
    # balance sheet
    ("^cash and cash equivalents$", ("Liquid funds", "Cash funds")),
    ("cash and cash equivalents, beginning of",
     ("Cash and cash equivalents balance at beginning of",
      "Cash and cash equivalents on hand at beginning of")),
    ("cash and cash equivalents, end of",
     ("Cash and cash equivalents balance at end of",
      "Cash and cash equivalents on hand at end of")),
    ("accounts receivable", ("A/R", "Debtors")),
    ("provision for allowance for doubtful accounts",
     ("Bad debts expense", "Doubtful debts charge")),
    ("allowance for doubtful accounts",
     ("Allowance for bad and doubtful debts", "Reserve for doubtful accounts")),
    ("inventories", ("Stock on hand", "Inventory on hand")),
    ("prepaid expenses", ("Prepaid charges", "Prepaid costs")),
    ("deferred tax assets", ("Future income tax assets",)),
    ("property and equipment, net of accumulated depreciation and amortization", ("PP&E, net",)),
    ("property and equipment", ("PP&E", "Capital assets")),
    ("^goodwill$",
     ("Goodwill on consolidation", "Excess of cost over net assets of businesses acquired")),
    ("other intangible assets", ("Intangibles other than goodwill",)),
    ("accounts payable—trade", ("A/P—trade", "Suppliers")),
    ("accounts payable", ("A/P", "Creditors")),
    ("facilities purchase liabilities",
     ("Capital creditors", "Amounts due for equipment purchases")),
    ("accrued expenses", ("Accrued expenditure", "Accrued costs")),
    ("income taxes payable", ("Taxation payable", "Tax payable")),
    ("accrued retirement and pension costs",
     ("Provisions for pensions and similar obligations",
      "Accrued pension and retirement benefits")),
    ("deferred income—current",
     ("Income received in advance—current", "Revenue received in advance, current")),
    ("short-term borrowings", ("Short-term loans and borrowings", "Current borrowings")),
    ("long-term borrowings—current portion",
     ("Current maturities of long-term debt", "Current instalments of long-term debt")),
    ("long-term borrowings", ("Non-current borrowings", "Long-term loans and borrowings")),
    ("total current liabilities", ("Total short-term liabilities",)),
    # equity
    ("shareholders' equity", ("Stockholders' investment", "Shareholders' investment")),
    ("^common stock$", ("Stated capital", "Subscribed capital")),
    ("issuance of common stock", ("Issue of new shares", "Share issues")),
    ("additional paid-in capital", ("Capital reserves", "Contributed surplus")),
    ("treasury stock", ("Repurchased shares", "Reacquired shares")),
    ("retained earnings", ("Accumulated profits", "Revenue reserves")),
    ("accumulated deficit", ("Deficit in retained earnings",)),
    ("accumulated other comprehensive income",
     ("Accumulated OCI", "Cumulative other comprehensive income")),
    # statement of cash flows
    ("adjustments to reconcile net income to net cash provided by operating activities",
     ("Items not affecting cash", "Add (deduct) items not affecting cash")),
    ("net cash provided by (used in)", ("Net cash provided (used) by",
                                        "Net cash generated by (absorbed in)")),
    ("net cash provided by", ("Net cash flow from",)),
    ("net cash used in", ("Net cash absorbed by", "Net cash spent on")),
    ("deferred income tax expense (benefit)", ("Future income tax expense (recovery)",)),
    ("provision for retirement and pension costs, less payments",
     ("Retirement benefit costs net of benefits paid", "Change in provisions for pensions")),
    ("changes in operating assets and liabilities",
     ("Changes in non-cash working capital balances",
      "Net change in non-cash working capital items")),
    ("^decrease (increase) in", ("Net decrease (increase) in",)),
    ("^increase (decrease) in", ("Net increase (decrease) in",)),
    ("purchase of property and equipment", ("Cap-ex", "Additions to capital assets")),
    ("^purchase of", ("Cash outlays for", "Expenditure on")),
    ("proceeds from sales of", ("Receipts from sales of", "Cash received on disposal of")),
    ("acquisition of a newly controlled company",
     ("Purchase of a controlling interest in a company", "Business combination")),
    ("principal payments under capital leases",
     ("Repayment of finance lease liabilities", "Reduction of capital lease obligations")),
    ("dividends paid", ("Dividends distributed", "Distribution of dividends")),
    ("interest paid", ("Finance costs paid", "Cash interest paid")),
    ("income taxes paid", ("Taxation paid", "Cash income taxes paid")),
    ("net increase (decrease) in cash and cash equivalents",
     ("Net increase (decrease) in cash and cash equivalents for the period",
      "Increase (decrease) in cash and cash equivalents, net")),
    ("effect of exchange rate changes on cash and cash equivalents",
     ("Exchange rate differences on cash and cash equivalents",
      "Changes in cash and cash equivalents due to exchange rates")),
)

# A sixth set, written after the other five and apart from them (no replacement is in any of
# them): Irish, Malaysian, Philippine, Nigerian and Kenyan companies' English statements (net
# turnover, cash and bank balances, cash on hand and in banks, profit for the financial period,
# issued and ordinary share capital, share premium account, allowance for expected credit
# losses, current tax payable, cash held at beginning and end), Israeli US GAAP filers (taxes on
# income (tax benefit), short-term bank credit, long-term loans from banks, liability for
# employee rights upon retirement, accrued severance pay), Brazilian and Mexican issuers (net
# operating revenue, income before income tax and social contribution, non-controlling
# shareholders, net income of non-controlling interest), Dutch, Belgian and Swiss reports (taxes
# on result, net result, group equity, amounts payable within one year, due after one year,
# operating result (EBIT)), Chinese and Taiwanese companies' English translations (net operating
# income, sales and management expenses, receipts in advance, undistributed profits, refundable
# deposits, other equity interest, cash paid to acquire, cash received from disposal of,
# non-operating income and expenses, equity investees), US 10-K styles of tech companies in the
# 2010s (cost of net revenues, acquired intangible assets, shares used in computing net income
# per share, payments on capital lease obligations, acquisitions of businesses), insurers' and
# utilities' wording (net realized gains, premium on common stock, earnings reinvested in the
# business, common stock in treasury, long-term indebtedness, income taxes currently payable,
# dividends paid on common stock, total liabilities and capital) and investor-presentation
# shorthand (EPS (basic), Wtd. avg. shares, PBT, Int. expense, Dec. (inc.) in, AOCI, capital
# spending, working capital changes). Only for measuring, never to tune on.
SIXTH: tuple[Rule, ...] = (
    # headings
    ("^net income per share$", ("Earnings per share information",)),
    ("^operating activities$", ("Operating cash flows", "Cash flows from operations")),
    ("additional cash flow information",
     ("Supplemental cash flow data", "Cash flow supplementary information")),
    ("noncash investing and financing activities",
     ("Investing and financing activities not involving cash",
      "Non-cash investing and financing transactions")),
    # statement of income
    ("^revenues$", ("Net operating revenue", "Net turnover")),
    ("total revenues", ("Total net operating revenue", "Total net turnover")),
    ("cost of revenues", ("Cost of net revenues", "Costs of revenue")),
    ("costs and expenses", ("Cost of revenues and operating expenses",)),
    ("sales and marketing expenses", ("Sales expenses", "Marketing expenses")),
    ("general and administrative expenses",
     ("Management expenses", "General and admin expenses")),
    ("research and development expenses",
     ("Research and development (R&D) expenses", "R&D costs")),
    ("operating income", ("Net operating income", "Operating result (EBIT)")),
    ("operating income (loss)", ("Net operating income (loss)", "Operating result (EBIT)")),
    ("interest expense", ("Interest costs", "Int. expense")),
    ("foreign exchange gains (losses)", ("Gains (losses) on foreign exchange",)),
    ("net gains (losses) on sales of other investments",
     ("Net realized gains (losses) on other investments",)),
    ("other income (expense)", ("Non-operating income and expenses", "Other income (charges)")),
    ("income before income taxes",
     ("Income before tax", "Income before income tax and social contribution")),
    ("income before income tax expense", ("Profit before taxes", "PBT")),
    ("income before income tax expense (benefit)",
     ("Profit (loss) before tax", "Pre-tax income (loss)")),
    ("income from operations before income tax expense and equity in net income of equity "
     "method investees",
     ("Income before taxes and equity in earnings of associated companies",
      "Profit before tax and before share of profit of equity-accounted investees")),
    ("^income tax expense (benefit)",
     ("Taxes on income (tax benefit)", "Income taxes expense (benefit)")),
    ("^income tax expense", ("Taxes on result", "Income tax")),
    ("equity in net income of equity method investees",
     ("Share of income of equity investees", "Equity in earnings of unconsolidated investees")),
    ("equity method investees",
     ("Equity investees", "Investees accounted for under the equity method")),
    ("^net income$", ("Profit for the financial period", "Net result for the period")),
    ("net income attributable to noncontrolling interests",
     ("Net income of non-controlling interest", "Minority shareholders' profit")),
    ("net income attributable to", ("Net income attributable to stockholders of",)),
    ("noncontrolling interests",
     ("Non-controlling shareholders' interests", "Non-controlling shareholders")),
    ("other intangible assets", ("Acquired intangible assets", "Purchased intangible assets")),
    ("^depreciation and amortization$",
     ("Depreciation, depletion and amortization",
      "Depreciation and amortization of long-lived assets")),
    # per share
    ("basic net income per share", ("Basic earnings per common share", "EPS (basic)")),
    ("diluted net income per share", ("Diluted earnings per common share", "EPS (diluted)")),
    ("basic weighted-average number of shares",
     ("Shares used in computing basic net income per share", "Wtd. avg. shares, basic")),
    ("diluted weighted-average number of shares",
     ("Shares used in computing diluted net income per share", "Wtd. avg. shares, diluted")),
    # balance sheet
    ("^cash and cash equivalents$", ("Cash and bank balances", "Cash on hand and in banks")),
    ("accounts receivable", ("Receivables", "Customer accounts receivable")),
    ("allowance for doubtful accounts",
     ("Allowance for doubtful debts", "Allowance for expected credit losses")),
    ("prepaid expenses—noncurrent",
     ("Prepaid expenses due after one year", "Long-term prepayments")),
    ("property and equipment", ("Land, buildings and equipment", "Premises, plant and equipment")),
    ("guarantee deposits", ("Refundable deposits",)),
    ("other investments", ("Other investment holdings", "Investments—other")),
    ("accounts payable—trade", ("Accounts payable—suppliers",)),
    ("accounts payable—other", ("Sundry payables", "Miscellaneous accounts payable")),
    ("income taxes payable", ("Income taxes currently payable", "Current tax payable")),
    ("accrued retirement and pension costs",
     ("Liability for employee rights upon retirement", "Accrued severance pay")),
    ("deferred income—current",
     ("Receipts in advance—current", "Deferred revenue—short-term")),
    ("deferred income—noncurrent",
     ("Receipts in advance—non-current", "Deferred revenue—long-term")),
    ("short-term borrowings", ("Short-term bank credit", "Short-term credit from banks")),
    ("long-term borrowings", ("Long-term loans from banks", "Long-term indebtedness")),
    ("capital lease obligations", ("Capitalized lease obligations",)),
    ("total current liabilities", ("Total amounts payable within one year",)),
    ("total liabilities and shareholders' equity",
     ("Total liabilities and capital", "Total capital and liabilities")),
    ("total liabilities and equity",
     ("Total liabilities and capital", "Total capital and liabilities")),
    ("total equity", ("Total group equity",)),
    # equity
    ("shareholders' equity", ("Owners' equity",)),
    ("^common stock$", ("Issued share capital", "Ordinary share capital")),
    ("issuance of common stock", ("Issuance of capital stock", "Stock issuance")),
    ("additional paid-in capital", ("Premium on common stock", "Share premium account")),
    ("treasury stock", ("Common stock in treasury",)),
    ("retained earnings", ("Earnings reinvested in the business", "Undistributed profits")),
    ("accumulated other comprehensive income (loss)", ("AOCI", "Other equity interest")),
    ("accumulated other comprehensive income", ("AOCI", "Other equity interest")),
    # statement of cash flows
    ("adjustments to reconcile net income to net cash provided by operating activities",
     ("Adjustments to reconcile net income to operating cash flow",
      "Adjustments for non-cash items")),
    ("net cash provided by (used in)",
     ("Net cash (used in) provided by", "Net cash generated from (used in)")),
    ("net cash provided by", ("Net cash flow provided by", "Net cash derived from")),
    ("net cash used in", ("Net cash flow used in", "Net cash consumed by")),
    ("deferred income tax expense (benefit)",
     ("Deferred taxes, net", "Deferred tax expense (income)")),
    ("provision for retirement and pension costs, less payments",
     ("Accrued severance pay, net", "Retirement provision charge, net of payments")),
    ("changes in operating assets and liabilities",
     ("Working capital changes", "Movements in operating assets and liabilities")),
    ("decrease (increase) in", ("Dec. (inc.) in",)),
    ("increase (decrease) in", ("Inc. (dec.) in",)),
    ("purchase of property and equipment",
     ("Capital spending", "Investments in property, plant and equipment")),
    ("^purchase of", ("Cash paid to acquire",)),
    ("proceeds from sales of", ("Cash received from disposal of", "Proceeds from dispositions of")),
    ("acquisition of a newly controlled company",
     ("Acquisitions of businesses", "Payment for acquisition of a subsidiary")),
    ("principal payments under capital leases",
     ("Payments on capital lease obligations",
      "Principal repayments of capitalized lease obligations")),
    ("facilities purchase liabilities",
     ("Unpaid capital expenditures", "Construction and equipment payables")),
    ("dividends paid", ("Dividends paid on common stock", "Dividends to stockholders")),
    ("income taxes paid", ("Income tax payments",)),
    ("income taxes paid (refund)", ("Income taxes paid, net of refunds",)),
    ("net increase (decrease) in cash and cash equivalents",
     ("Cash and cash equivalents, net increase (decrease)", "Net cash increase (decrease)")),
    ("effect of exchange rate changes on cash and cash equivalents",
     ("Exchange gains (losses) on cash and cash equivalents",
      "Impact of currency movements on cash and cash equivalents")),
    ("cash and cash equivalents, beginning of",
     ("Cash and cash equivalents held at beginning of",)),
    ("cash and cash equivalents, end of", ("Cash and cash equivalents held at end of",)),
)

RULE_SETS: dict[str, tuple[Rule, ...]] = {"dev": DEV, "holdout": HOLDOUT, "fresh": FRESH,
                                       "final": FINAL, "fifth": FIFTH, "sixth": SIXTH}

# words a Title Case wording leaves in lower case
_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on",
                    "or", "per", "the", "to", "with", "less"})


def _phrase_regex(phrase: str) -> str:
    """The regular expression of a rule's phrase (see the module's docstring)."""
    start, end = phrase.startswith("^"), phrase.endswith("$")
    body = phrase.removeprefix("^").removesuffix("$")
    parts = []
    for ch in body:
        if ch == " ":
            parts.append(r"\s+")
        elif ch in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(ch))
    text = "".join(parts)
    # on word boundaries: a word character at the phrase's edge is not part of a longer word
    # (nor of a hyphenated one)
    left = "^" if start else (r"(?<![\w-])" if re.match(r"\w", body) else "")
    right = r"(?=\s*:?\s*$)" if end else (r"(?![\w-])" if re.search(r"\w$", body) else "")
    return left + text + right


def _order(rule: Rule) -> tuple[int, bool]:
    """Longest phrase first; of two as long, the anchored one."""
    phrase = rule[0]
    bare = phrase.removeprefix("^").removesuffix("$")
    return (-len(bare), bare == phrase)


def match_case(label: str, span: str, replacement: str) -> str:
    """``replacement`` in the case style of ``span``, the text it replaces in ``label``."""
    letters = [c for c in label if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    words = [w for w in re.split(r"[\s/]+", span) if any(c.isalpha() for c in w)]
    significant = [w for w in words if w.strip("()").lower() not in _SMALL]
    title = len(words) > 1 and len(significant) > 1 and all(
        w.lstrip("(")[:1].isupper() for w in significant)
    if title:
        out = []
        for i, word in enumerate(replacement.split(" ")):
            bare = word.lstrip("(")
            if bare and (i == 0 or bare.lower() not in _SMALL) and bare[:1].islower():
                word = word[: len(word) - len(bare)] + bare[0].upper() + bare[1:]
            out.append(word)
        return " ".join(out)
    first = next((c for c in span if c.isalpha()), "")
    at = next((i for i, c in enumerate(replacement) if c.isalpha()), None)
    if at is None or not first:
        return replacement
    head = re.match(r"[\w&/]+", replacement[at:])  # "A/R", "D&A": acronyms too
    acronym = head is not None and sum(c.isupper() for c in head.group()) > 1
    if first.islower() and not acronym:
        return replacement[:at] + replacement[at].lower() + replacement[at + 1:]
    if first.isupper():
        return replacement[:at] + replacement[at].upper() + replacement[at + 1:]
    return replacement


@dataclass(frozen=True)
class Applied:
    """One rewording done to a label: the rules that matched, the label before and after."""

    before: str
    after: str
    rules: tuple[tuple[str, str], ...]  # (phrase, replacement) per rewritten span


@dataclass(frozen=True)
class Rewording:
    """A row a release prints reworded (``SyntheticRelease.features["rewordings"]``): its
    statement, concept, wording before and after, the rules applied, and the fact keys of the
    figures it prints (none for a heading)."""

    table: str
    concept: str | None
    before: str
    after: str
    rules: tuple[tuple[str, str], ...]
    keys: tuple[FactKey, ...]


class Reworder:
    """The rewording of one release: which rows are reworded (``share`` of the rows a rule of
    the set matches) and which replacement each rule takes, all drawn from ``rng``."""

    def __init__(self, name: str, share: float, rng: random.Random) -> None:
        if name not in RULE_SETS:
            raise ValueError(f"unknown rewording set {name!r}; one of {', '.join(RULE_SETS)}")
        if not 0.0 <= share <= 1.0:
            raise ValueError(f"reword share {share} is not between 0 and 1")
        self.name = name
        self.share = share
        self.rng = rng
        rules = sorted(RULE_SETS[name], key=_order)
        self.rules = rules
        self.chosen = [rng.choice(replacements) for _, replacements in rules]
        self.regex = re.compile(
            "|".join(f"(?P<r{i}>{_phrase_regex(p)})" for i, (p, _) in enumerate(rules)),
            re.IGNORECASE)

    def rewrite(self, label: str) -> Applied | None:
        """``label`` with every rule's phrase in it replaced (None when no rule matches)."""
        used: list[tuple[str, str]] = []

        def one(match: re.Match[str]) -> str:
            i = int((match.lastgroup or "r0")[1:])
            used.append((self.rules[i][0], self.chosen[i]))
            return match_case(label, match.group(), self.chosen[i])

        after = self.regex.sub(one, label)
        if not used or after == label:
            return None
        return Applied(label, after, tuple(used))

    def __call__(self, label: str) -> Applied | None:
        """The rewording of ``label`` when its row is one of those reworded, else None."""
        applied = self.rewrite(label)
        if applied is None or self.rng.random() >= self.share:
            return None
        return applied


__all__ = ["DEV", "FIFTH", "FINAL", "FRESH", "HOLDOUT", "RULE_SETS", "SIXTH", "Applied",
           "Reworder", "Rewording", "Rule", "match_case"]
