"""The alias index: printed row wordings -> taxonomy concepts, derived from the taxonomy.

Everything here is data-driven: concept aliases and labels (valid anywhere in a network that holds
the concept), ``row_aliases`` (valid only where their node sits: under its parent), axis member
aliases, ``{company}`` standing for any of the company's names (and OCR misreadings of them), and a
leading ``-`` marking a wording that reverses the concept's sign.

Wordings are compared after :func:`normalize_label`: case, whitespace, punctuation, dashes,
"&"/"and", apostrophes, footnote markers, trailing colons and plural "s" do not matter. Lookups
are dict lookups; building the index is linear in the taxonomy's size and deterministic.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.model.concept import Concept
from generator.model.entity import Company
from generator.model.taxonomy import NEGATED_LABEL_ROLE, Network, NetworkNode, Taxonomy
from generator.taxonomy.lookalikes import lookalike_key, one_letter_off, scan_key
from generator.taxonomy.meaning import Meanings
from generator.taxonomy.wording import says_opposite, without_alternative

COMPANY_TOKEN = "{company}"
SCAN_MIN_LETTERS = 8  # a shorter key one letter off a wording is too often another word
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾"
_MARKS = "®©™°†‡§※*"
_DASHES = "‐‑‒–—―−﹘﹣－"
_MARKS_AS_SPACES = str.maketrans(dict.fromkeys(_SUPERSCRIPTS + _MARKS, " "))
_DASHES_AS_HYPHENS = str.maketrans(dict.fromkeys(_DASHES, "-"))
_NON_WORD = re.compile(r"[^0-9a-z{}]+")
_FOOTNOTE_STAR = re.compile(r"[*※]\s*\d{1,2}\b")
_LETTER = re.compile(r"[a-z]")
_NUMBER = re.compile(r"(?<![a-zA-Z0-9])\d[\d,.]*(?![a-zA-Z0-9])")  # not a scan's "p1ant"
_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
)


_APOSTROPHES = re.compile(r"['’‘`´]")


def _fold(text: str) -> str:
    """Unicode-fold, lowercase, drop footnote marks, make every non-word run one space."""
    text = _FOOTNOTE_STAR.sub(" ", text)
    text = text.translate(_MARKS_AS_SPACES)
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.translate(_DASHES_AS_HYPHENS)
    text = text.replace("&", " and ")
    text = _APOSTROPHES.sub("", text)  # shareholders' -> shareholders, IIJ's -> iijs
    return _NON_WORD.sub(" ", text).strip()


def normalize_label(text: str, company_names: Sequence[str] = ()) -> str:
    """The comparison key of a printed wording.

    ``company_names`` (already folded or not) are replaced by the ``{company}`` token so that
    "Net income attributable to IIJ" and "... to Internet Initiative Japan Inc." share one key.
    A trailing standalone number of one or two digits after a word is a footnote marker
    ("Network Services 2") and is dropped.
    """
    return _normalized(text, tuple(company_names))


@functools.lru_cache(maxsize=1 << 16)
def _normalized(text: str, company_names: tuple[str, ...]) -> str:
    """:func:`normalize_label`, memoised: releases repeat their wordings (bounded cache)."""
    key = _fold(text)
    for pattern in _name_patterns(company_names):
        key = pattern.sub(COMPANY_TOKEN, key)
    head = _without_note(key)
    while head is not None and head.split()[-1] not in _MONTHS:
        key = head
        head = _without_note(key)
    return " ".join(_singular(word) for word in key.split())


def _without_note(key: str) -> str | None:
    """A folded key (words of ``[0-9a-z{}]`` one space apart) without its last word when that
    is a number of one or two digits after a word with a letter ("network service 2"), else
    None. The word is found by its space: a pattern for it backtracked over the whole key."""
    head, _, last = key.rpartition(" ")
    if len(last) <= 2 and last.isdigit() and _LETTER.search(head):
        return head
    return None


def _singular(word: str) -> str:
    """Fold a plural: "services" / "service", "revenues" / "revenue" share a key ("business",
    "loss" keep their double s). Applied to both sides, so it only merges number variants."""
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def label_prefixes(text: str) -> list[str]:
    """Shorter readings of a label that carries a description after a comma, semicolon or dash
    ("Accounts receivable, net of allowance ... respectively" -> "Accounts receivable"),
    longest first."""
    return list(_prefixes(text))


_PREFIX_CUT = re.compile(r"\s*(?:,(?!\d)|[;—–]|\s-\s)\s*")


@functools.lru_cache(maxsize=1 << 16)
def _prefixes(text: str) -> tuple[str, ...]:
    parts = _PREFIX_CUT.split(text.strip())
    return tuple(", ".join(parts[:n]) for n in range(len(parts) - 1, 0, -1) if parts[n - 1])


@functools.cache
def _name_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Whole-word patterns of the folded names, longest first (computed once per name set)."""
    folded = sorted({_fold(n) for n in names if _fold(n)}, key=lambda n: (-len(n), n))
    return tuple(re.compile(rf"(?<![0-9a-z]){_lookalike_pattern(n)}(?![0-9a-z])")
                 for n in folded)


_LOOKALIKE_CLASSES = {"i": "[il1]", "l": "[il1]", "o": "[o0]"}


def _lookalike_pattern(name: str) -> str:
    """A folded name as a pattern that forgives the letters OCR confuses in a word of letters
    ("internet 1nitiative japan inc"); a name of three letters or fewer, which OCR misreads
    as a number ("113" for IIJ), only as spelt (``ocr_names`` lists its misreadings)."""
    if len(name.replace(" ", "")) <= 3:
        return re.escape(name)
    return "".join(_LOOKALIKE_CLASSES.get(ch, re.escape(ch)) for ch in name)


def split_negation(alias: str) -> tuple[str, bool]:
    """``"-Net loss attributable to ..."`` -> (wording, True): the wording reverses the sign."""
    stripped = alias.strip()
    if stripped.startswith("-"):
        return stripped[1:].strip(), True
    return stripped, False


@dataclass(frozen=True)
class NodeRef:
    """One place in a network: the node, its path of child indices, and its parent's place."""

    network: str
    path: tuple[int, ...]
    node: NetworkNode
    parent: NodeRef | None = field(default=None, compare=False, repr=False)

    @property
    def concept(self) -> str:
        return self.node.concept

    def ancestors(self) -> list[NodeRef]:
        """This place and every enclosing one, innermost first."""
        out: list[NodeRef] = []
        current: NodeRef | None = self
        while current is not None:
            out.append(current)
            current = current.parent
        return out

    def is_within(self, other: NodeRef) -> bool:
        return self.path[: len(other.path)] == other.path


@dataclass(frozen=True)
class Candidate:
    """A node a wording may name; ``negated`` when the wording reverses the sign."""

    ref: NodeRef
    negated: bool
    row_alias: bool


@dataclass
class NetworkAliases:
    """Wordings of one network: global aliases of its concepts and its place-bound row aliases."""

    network: Network
    places: list[NodeRef]
    wordings: dict[str, list[Candidate]]
    concepts: set[str]
    _lookalikes: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)
    # scan key -> wordings; a scan key with a letter left out -> the wordings it comes from
    _scans: tuple[dict[str, list[str]], dict[str, list[str]]] | None = field(
        default=None, repr=False, compare=False)
    _breakdowns: tuple[NodeRef, ...] | None = field(default=None, repr=False, compare=False)
    # (meaning key, has values) -> wording, per kind of key (plain, lookalike), made on demand
    _meanings: dict[str, dict[tuple[str, bool], str]] = field(
        default_factory=dict, repr=False, compare=False)
    # wording key -> the declared texts it is the key of (their alternatives still printed)
    texts: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    # the concepts of the network that carry figures (not headings), for ``wording_meaning``
    concepts_with_values: frozenset[str] = frozenset()

    def candidates(self, key: str) -> list[Candidate]:
        return self.wordings.get(key, [])

    def lookalike_wordings(self, key: str) -> list[str]:
        """The network's wordings that share ``key``'s lookalike key (OCR letters forgiven)."""
        if self._lookalikes is None:
            self._lookalikes = {}
            for wording in sorted(self.wordings):
                self._lookalikes.setdefault(lookalike_key(wording), []).append(wording)
        return self._lookalikes.get(lookalike_key(key), [])

    def scan_wordings(self, key: str, *, min_letters: int = SCAN_MIN_LETTERS) -> list[str]:
        """The network's wordings that share ``key``'s scan key (words split or glued, a
        letter doubled, "rn" for "m", lookalike letters: see ``scan_key``); failing any, those
        one letter longer or shorter than it (a letter dropped or added) when it has
        ``min_letters`` or more. Sorted; the caller takes them only when they name one line."""
        if self._scans is None:
            exact: dict[str, list[str]] = {}
            shorter: dict[str, list[str]] = {}
            for wording in sorted(self.wordings):
                scanned = scan_key(wording)
                exact.setdefault(scanned, []).append(wording)
                for off in one_letter_off(scanned):
                    if off != scanned:
                        shorter.setdefault(off, []).append(wording)
            self._scans = exact, shorter
        exact, shorter = self._scans
        scanned = scan_key(key)
        if scanned in exact:
            return exact[scanned]
        if len(scanned) < min_letters:
            return []
        found = set(shorter.get(scanned, ()))  # the label dropped a letter
        for off in one_letter_off(scanned):  # the label has a letter more
            found.update(exact.get(off, ()))
        return sorted(found)

    def wording_meaning(self, meaning: str, meaning_of: Callable[[str], str], has_values: bool,
                        kind: str) -> str | None:
        """The network's wording whose meaning is ``meaning``, when its wordings with that
        meaning name one concept with figures (``has_values``) or one heading, or are one
        wording, and none of them reverses the sign (two wordings of different concepts that
        read alike are left to the printed words). A wording's meaning is ``meaning_of`` its
        text without an alternative: "Income tax expense (benefit)" means income tax expense,
        so "Income tax benefit" is not it in other words, but its opposite. ``kind`` names the
        memo."""
        return self.meanings_of(meaning_of, kind).get((meaning, has_values))

    def meanings_of(self, meaning_of: Callable[[str], str], kind: str
                    ) -> dict[tuple[str, bool], str]:
        """(meaning, has values) -> wording, for :meth:`wording_meaning` (made once per kind)."""
        found = self._meanings.get(kind)
        if found is None:
            found = self._meanings[kind] = {}
            by_meaning: dict[str, set[str]] = {}
            for key in sorted(self.texts):
                for text in self.texts[key]:
                    by_meaning.setdefault(meaning_of(without_alternative(text)), set()).add(key)
            for key, wordings in by_meaning.items():
                for values in (True, False):
                    # a wording that reverses the sign ("-Less: Net income attributable to
                    # ...") records how one company prints the line, not what it means
                    named = {(c.ref.concept, w) for w in wordings for c in self.wordings[w]
                             if (c.ref.node.concept in self.concepts_with_values) == values}
                    if any(c.negated for w in wordings for c in self.wordings[w]):
                        continue
                    # one wording (printed so, the walker would choose by place) or one concept
                    if named and (len({w for _, w in named}) == 1
                                  or len({c for c, _ in named}) == 1):
                        found[(key, values)] = min(w for _, w in named)
        return found

    def breakdown_places(self) -> tuple[NodeRef, ...]:
        """The places with a breakdown, found once (asked for every new label and network)."""
        if self._breakdowns is None:
            self._breakdowns = tuple(p for p in self.places if p.node.breakdown)
        return self._breakdowns


#: Memoised answers an index keeps before it starts over (bounded memory over a huge input).
MEMO_LIMIT = 200_000


class AliasIndex:
    """All wordings of a taxonomy for one company (``{company}`` = that company's names)."""

    def __init__(self, taxonomy: Taxonomy, company: Company | None = None) -> None:
        self.taxonomy = taxonomy
        self.company = company
        names: list[str] = []
        if company is not None:
            names = [company.name, *company.names, *company.ocr_names]
        self.company_names: tuple[str, ...] = tuple(names)
        self._keys: dict[str, str] = {}
        self.meanings = Meanings(taxonomy.language, normalize_label)
        self._networks_by_meaning: dict[str, frozenset[str]] | None = None
        self.lookalike_meanings = Meanings(
            taxonomy.language, lambda text: lookalike_key(normalize_label(text)))
        # Memos of the mappers' pure questions about a (network id, wording): a release asks
        # them once per row and network, and repeats its wordings (see extract/map_rows).
        self.networks_naming: dict[str, frozenset[str]] = {}  # label -> network ids
        self.known_wordings: dict[str, dict[str, bool]] = {}
        self.known_joined: dict[str, dict[str, str]] = {}
        self.splits: dict[tuple[str, str, bool], tuple[tuple[tuple[str, bool], ...], int]] = {}
        self.fuzzy: dict[tuple[str, str], Any] = {}  # map_rows.fuzzy's readings (or None)
        self.networks: dict[str, NetworkAliases] = {
            net.id: self._network(net) for net in taxonomy.networks
        }
        self.members: dict[str, dict[str, str]] = {}
        for axis in taxonomy.axes.values():
            keyed: dict[str, str] = {}
            for member in axis.members:
                wordings = [*member.aliases, *_concept_wordings(taxonomy.concepts.get(member.name))]
                for wording in wordings:
                    keyed.setdefault(self.key(wording), member.name)
            self.members[axis.name] = keyed

    def key(self, text: str) -> str:
        """Normalised comparison key of a printed wording for this company (memoised)."""
        found = self._keys.get(text)
        if found is None:
            if len(self._keys) > MEMO_LIMIT:  # an index reused over a huge input stays bounded
                self._keys.clear()
            found = self._keys[text] = normalize_label(text, self.company_names)
        return found

    def _plain_meaning(self, text: str) -> str:
        return self.meanings.key(self.key(text))

    def _lookalike_meaning(self, text: str) -> str:
        return self.lookalike_meanings.key(lookalike_key(self.key(text)))

    def wording_meaning(self, network: NetworkAliases, text: str, has_values: bool = True,
                        lookalike: bool = False) -> str | None:
        """The wording of ``network`` that means what ``text`` says in other words, if one;
        ``lookalike``: with the letters OCR confuses forgiven ("Property, p1ant and
        equipment")."""
        if not self.meanings or states_amounts(text):  # a label stating amounts: its parts
            return None
        if lookalike:
            return network.wording_meaning(self._lookalike_meaning(text),
                                           self._lookalike_meaning, has_values, "lookalike")
        return network.wording_meaning(self._plain_meaning(text), self._plain_meaning,
                                       has_values, "plain")

    def networks_meaning(self, text: str) -> frozenset[str]:
        """The networks (ids) with a line (with figures) that ``text`` says in other words:
        one lookup, for a label no network names as printed."""
        if not self.meanings or states_amounts(text):
            return frozenset()
        if self._networks_by_meaning is None:
            by_meaning: dict[str, set[str]] = {}
            for network_id, network in self.networks.items():
                for meaning, values in network.meanings_of(self._plain_meaning, "plain"):
                    if values:
                        by_meaning.setdefault(meaning, set()).add(network_id)
            self._networks_by_meaning = {k: frozenset(v) for k, v in by_meaning.items()}
        return self._networks_by_meaning.get(self._plain_meaning(text), frozenset())

    def clear_memos(self) -> None:
        """Forget the memoised answers (they are recomputed on demand: same results)."""
        self._keys.clear()
        self.networks_naming.clear()
        self.splits.clear()
        self.fuzzy.clear()

    def member(self, axis: str, label: str) -> str | None:
        """The member of ``axis`` a row label names, if any."""
        return self.members.get(axis, {}).get(self.key(label))

    def member_any(self, label: str) -> list[tuple[str, str]]:
        """Every (axis, member) a row label names."""
        key = self.key(label)
        return [(axis, keyed[key]) for axis, keyed in self.members.items() if key in keyed]

    def network(self, network_id: str) -> NetworkAliases:
        return self.networks[network_id]

    def _network(self, net: Network) -> NetworkAliases:
        places: list[NodeRef] = []
        wordings: dict[str, list[Candidate]] = {}

        texts: dict[str, list[str]] = {}

        def add(key: str, cand: Candidate, text: str) -> None:
            bucket = wordings.setdefault(key, [])
            if cand not in bucket:
                bucket.append(cand)
            printed = texts.setdefault(key, [])
            if text not in printed:
                printed.append(text)

        def visit(node: NetworkNode, path: tuple[int, ...], parent: NodeRef | None) -> None:
            ref = NodeRef(network=net.id, path=path, node=node, parent=parent)
            places.append(ref)
            concept = self.taxonomy.concepts.get(node.concept)
            for wording, negated in _global_wordings(concept):
                add(self.key(wording), Candidate(ref=ref, negated=negated, row_alias=False),
                    wording)
            for alias in node.row_aliases:
                wording, negated = split_negation(alias)
                add(self.key(wording), Candidate(ref=ref, negated=negated, row_alias=True),
                    wording)
            for i, child in enumerate(node.children):
                visit(child, (*path, i), ref)

        for i, root in enumerate(net.roots):
            visit(root, (i,), None)
        with_values = frozenset(
            p.concept for p in places
            if (c := self.taxonomy.concepts.get(p.concept)) is not None and not c.abstract)
        return NetworkAliases(
            network=net, places=places, wordings=wordings, concepts={p.concept for p in places},
            concepts_with_values=with_values, texts=texts,
        )

    def concepts_named(self, label: str) -> list[tuple[str, Candidate]]:
        """(network id, candidate) for every network where a label names a concept globally."""
        key = self.key(label)
        return [
            (net_id, cand)
            for net_id, aliases in self.networks.items()
            for cand in aliases.candidates(key)
            if not cand.row_alias
        ]


def _concept_wordings(concept: Concept | None) -> list[str]:
    if concept is None:
        return []
    return [
        label.text for label in concept.labels if label.lang == "en" and _is_wording(label.role)
    ]


def _is_wording(role: str) -> bool:
    return role != NEGATED_LABEL_ROLE and not role.endswith("/documentation")


def states_amounts(text: str, start: int = 0) -> bool:
    """Whether ``text`` (from ``start``) prints a number ("... of JPY 1,284 thousand"), not a
    word a scan garbled with a digit ("p1ant")."""
    return _NUMBER.search(text, start) is not None


def sign_in_brackets(concept: Concept) -> bool:
    """Whether a wording of ``concept`` that does not reverse its sign says an opposite word
    ("Accumulated deficit" for retained earnings): its figures carry their sign in brackets,
    whatever the wording, so an opposite wording ("Retained losses") does not say the figure
    is negative."""
    return any(not negated and says_opposite(text) for text, negated in _global_wordings(concept))


def _global_wordings(concept: Concept | None) -> Iterable[tuple[str, bool]]:
    if concept is None:
        return []
    out: list[tuple[str, bool]] = [(text, False) for text in _concept_wordings(concept)]
    out.extend(split_negation(alias) for alias in concept.aliases)
    return out
