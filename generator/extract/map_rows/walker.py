"""Walk a table's rows keeping the current place in the network's tree, so that a wording such
as "Total" or "Network Services" resolves by where it is printed, and member rows printed below a
``breakdown`` row resolve to that row's concept with the member's dimension."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.extract.map_rows.fuzzy import FuzzyReading, closest_wording, reading_at_place
from generator.extract.map_rows.transposed import split_wordings
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import wording
from generator.taxonomy.aliases import (
    AliasIndex,
    Candidate,
    NetworkAliases,
    NodeRef,
    label_prefixes,
    sign_in_brackets,
    states_amounts,
)

PLACE_WINDOW = 4  # how many of the next expected lines a garbled label may be


@dataclass(frozen=True)
class RowMatch:
    """What a row is: a place in the network, a sign flip, and an optional breakdown member."""

    ref: NodeRef
    negated: bool
    member: tuple[str, str] | None = None  # (axis, member)
    reading: FuzzyReading | None = None  # set when an OCR-damaged label was read by similarity
    # The label names the concept's opposite ("Operating loss"): the figure is negative
    # whether printed "123" or "(123)" — the wording says it is a loss, the brackets agree.
    opposite: bool = False
    # Read in other words (``taxonomy/language.yaml``): the place is the reader's, not the
    # release's, so a period the column does not state is not supplied (see ``build_fact``).
    in_other_words: bool = False
    # The wording names several lines of the network ("Equipment sales" under revenues and
    # under costs): which one, the walker's place in the statement chose.
    by_place: bool = False
    # A damaged label read as one of the next lines where the statement stands: the place
    # chose the line, the words barely did ("ATM operation bsiness" read as operating income)
    at_place: bool = False
    # A member row under a breakdown no printed row or title opened: the breakdown (revenues
    # or profit: the measure) is the network's next in tree order, the walker's guess.
    by_order: bool = False

    @property
    def concept(self) -> str:
        return self.ref.concept

    @property
    def under_breakdown(self) -> bool:
        """A line below a breakdown's row read without a member ("Customers" below
        "Revenues"): printed below a member row, it would be that member's."""
        return self.member is None and any(a.node.breakdown for a in self.ref.ancestors()[1:])


_State = tuple[NodeRef | None, set[tuple[int, ...]], NodeRef | None, tuple[str, str] | None,
               bool]


class RowWalker:
    """Resolves row labels of one table against one network, in printed order."""

    def __init__(self, index: AliasIndex, network: NetworkAliases, taxonomy: Taxonomy,
                 fuzzy: bool = False) -> None:
        self.fuzzy = fuzzy
        self.index = index
        self.network = network
        self.taxonomy = taxonomy
        self.last: NodeRef | None = None
        self.breakdown: NodeRef | None = None  # node whose member rows may follow
        self.member: tuple[str, str] | None = None
        self.by_order = False  # the breakdown was opened by tree order, not by a printed row
        self.seen: set[tuple[int, ...]] = set()  # places matched so far in this table
        self.by_place = False  # the last wording picked named several lines (``_pick``)
        # resolving a joined header's items (one row per period), not rows: a row alias of a
        # heading no title opened is no item's ("Total Revenues" is no ATM revenue)
        self.items_only = False

    def _state(self) -> _State:
        return self.last, set(self.seen), self.breakdown, self.member, self.by_order

    def _restore(self, state: _State) -> None:
        self.last, self.seen, self.breakdown, self.member, self.by_order = state

    def _chain(self) -> list[NodeRef]:
        """The current place and its ancestors; before any row, the network's roots."""
        if self.last is not None:
            return self.last.ancestors()
        return [p for p in self.network.places if p.parent is None]

    def names_only_headings(self, label: str) -> bool:
        """Whether every place the label's wording names is a heading: "Systems integration"
        names a heading and a line, and without figures may be either (a scan lost them)."""
        cands = self.network.candidates(self.index.key(label))
        return bool(cands) and all(self.is_abstract(c.ref) for c in cands)

    def is_abstract(self, ref: NodeRef) -> bool:
        """Whether ``ref`` is a heading (an abstract concept): a line of no amount."""
        concept = self.taxonomy.concepts.get(ref.concept)
        return concept is None or concept.abstract

    def _rank(self, cand: Candidate, chain: list[NodeRef]) -> tuple[int, int, int, tuple[int, ...]]:
        parent = cand.ref.parent
        distance = len(chain) + 1
        for i, place in enumerate(chain):
            if parent is not None and place.path == parent.path:
                distance = i
                break
        if parent is None and chain:
            distance = len(chain)  # a root: reachable from anywhere, but last
        after = 0 if self.last is None or cand.ref.path > self.last.path else 1
        return (distance, 0 if cand.row_alias else 1, after, cand.ref.path)

    def _pick(self, label: str, has_values: bool) -> Candidate | None:
        chain = self._chain()
        chain_paths = {p.path for p in chain}
        named = self.network.candidates(self.index.key(label))
        cands = [
            c
            for c in named
            if not c.row_alias or (c.ref.parent is not None and c.ref.parent.path in chain_paths
                                   and not self._unopened_narrowing(c, label, chain))
            or (c.ref.parent is None and not chain)
        ]
        if not cands:
            return None
        preferred = [c for c in cands if self.is_abstract(c.ref) != has_values]
        pool = preferred or cands
        # several lines have this wording, wherever the statement stands ("Systems
        # integration" under revenues and under costs): the place chose
        self.by_place = len({c.ref.concept for c in named
                             if self.is_abstract(c.ref) != has_values}) > 1
        return min(pool, key=lambda c: self._rank(c, chain))

    def _member_row(self, label: str, active_only: bool) -> RowMatch | None:
        """A member row under the active breakdown, or (``active_only`` false) under the only
        breakdown place of the network whose axis has that member."""
        if self.breakdown is not None:
            axis = self.breakdown.node.breakdown
            assert axis is not None
            member = self.index.member(axis, label)
            if member is not None:
                return RowMatch(ref=self.breakdown, negated=False, member=(axis, member),
                                by_order=self.by_order)
        if active_only:
            return None
        found = [
            (place, member)
            for place in self.network.breakdown_places()
            if (member := self.index.member(place.node.breakdown or "", label)) is not None
        ]
        if not found:
            return None
        # Without a printed parent row, member rows belong to the next breakdown in tree order.
        after = [f for f in found if self.last is None or f[0].path > self.last.path]
        place, member = (after or found)[0]
        return RowMatch(ref=place, negated=False, member=(place.node.breakdown or "", member),
                        by_order=True)

    def _unopened_narrowing(self, cand: Candidate, label: str, chain: list[NodeRef]) -> bool:
        """Whether a joined header's item (``items_only``) reads as a row alias of one of the
        network's several root headings ("Revenue" under "ATM operation business results")
        that no title opened, while its words mean another concept elsewhere ("Total
        Revenues" are revenues): the narrowing is a slide's, which this table never printed."""
        if not self.items_only or self.last is not None or len(chain) < 2:
            return False
        return any(other.ref.concept != cand.ref.concept
                   for _, other in self.index.concepts_named(label))

    def resolve(self, label: str, has_values: bool) -> RowMatch | None:
        """Match a row, or failing that the label without its trailing description
        ("Accounts receivable, net of allowance ..."); advances the walker's place. A label
        that is a known wording but for letters OCR confuses is read as that wording before
        any shorter reading: "Long-term borrowings—current portlon" is the current portion, not
        "Long-term borrowings"."""
        match = self._resolve(label, has_values)
        if match is None:
            match = self._resolve_lookalike(label, has_values, readings=False)
        if match is None:  # "Net earnings": the whole label in other words, before its parts
            match = self._resolve_in_other_words(label, has_values, readings=False)
        if match is not None:
            return match
        for reading in label_prefixes(label):  # "Accounts receivab1e, net of allowance ..."
            match = self._resolve(reading, has_values) or self._resolve_lookalike(
                reading, has_values, readings=False)
            if match is not None:
                return match
        match = self._resolve_by_meaning(label, has_values)
        if match is not None:
            return match
        match = self._resolve_joined(label, has_values)
        if match is None:
            match = self._resolve_lookalike(label, has_values)
        if match is None:
            match = self._resolve_scanned(label, has_values)
        if match is None and self.fuzzy:
            guess = closest_wording(self.index, self.network, label)
            found = self._resolve(guess.wording, has_values) if guess else None
            if found is not None:
                match = replace(found, reading=guess)
        if match is None and self.fuzzy and has_values:
            match = self._resolve_at_place(label)
        return match

    def _resolve_by_meaning(self, label: str, has_values: bool) -> RowMatch | None:
        """The label read without its unit note or alternative, or as its opposite ("Operating
        loss" is operating income, negated: only for concepts with a balance, whose sign the
        wording carries — a cash-flow line prints its effect on cash whatever its wording).
        Reported like a reading by similarity, with score 1."""
        for text, reverses in wording.readings(label):
            state = self._state()
            match = self._resolve(text, has_values)
            if match is None:
                continue
            if reverses and not self._may_reverse(match):
                self._restore(state)  # not this line
                continue
            reading = FuzzyReading(wording=self.index.key(text), score=1.0)
            return replace(match, opposite=reverses, reading=reading)
        return self._resolve_in_other_words(label, has_values, whole=False, readings=True)

    def _resolve_in_other_words(self, label: str, has_values: bool, *, whole: bool = True,
                                readings: bool) -> RowMatch | None:
        """The label, a reading of it or its part before a description, in other words than
        the taxonomy declares ("Net earnings", "Current assets, total": the language's
        equivalences, ``taxonomy/language.yaml``) when they mean one concept's wording.
        Reported like a reading by similarity, with score 1."""
        texts = [(label, False)] if whole else []
        if readings:  # without its unit note or alternative, as its opposite; its first part
            texts += [*wording.readings(label), *(  # when the rest states amounts
                (prefix, False) for prefix in label_prefixes(label)
                if states_amounts(label, len(prefix)))]
        for text, reverses in texts:
            found = self.index.wording_meaning(self.network, text, has_values)
            if found is None:  # a scan's letters: "Property, p1ant and equipment"
                found = self.index.wording_meaning(self.network, text, has_values, lookalike=True)
            if found is None:
                continue
            state = self._state()
            match = self._resolve(found, has_values)
            if match is None:
                continue
            if reverses and not self._may_reverse(match):
                self._restore(state)
                continue
            return replace(match, opposite=reverses, in_other_words=True,
                           reading=FuzzyReading(wording=found, score=1.0))
        return None

    def _may_reverse(self, match: RowMatch) -> bool:
        """Whether a wording's opposite may name the match: only a concept with a balance
        (a cash-flow line prints its effect on cash whatever its wording), and not at a place
        whose printed sign is already reversed (a "Less:" line, a wording declared negated):
        "Less: Net loss attributable to ..." could be read either way; nor a concept one of
        whose own wordings says the opposite word without reversing the sign ("Accumulated
        deficit" for retained earnings: the brackets carry the sign, so "Retained losses
        73,692" could be either)."""
        concept = self.taxonomy.concepts.get(match.ref.concept)
        return (concept is not None and concept.balance is not None and not match.negated
                and not match.ref.node.negated and not sign_in_brackets(concept))

    def _resolve_lookalike(self, label: str, has_values: bool, readings: bool = True
                           ) -> RowMatch | None:
        """A label that is one of the network's wordings but for letters OCR confuses
        ("Tota1 current assets", "Liabilitles assumed"), as printed or read without its unit
        note or alternative: taken when exactly one wording shares its lookalike key, and
        reported like a reading of a damaged label (score 1)."""
        texts = [label]
        if readings:  # (the readings are not even worked out otherwise)
            texts += [text for text, reverses in wording.readings(label) if not reverses]
        for text in texts:
            found = self.network.lookalike_wordings(self.index.key(text))
            if len(found) != 1:
                continue
            match = self._resolve(found[0], has_values)
            if match is not None:
                return replace(match, reading=FuzzyReading(wording=found[0], score=1.0))
        return None

    def _resolve_scanned(self, label: str, has_values: bool) -> RowMatch | None:
        """A label that is one of the network's wordings but for what a scan does to words
        (split or glued, a letter doubled, dropped or added, "rn" for "m": "Opera ting
        Incorne", "Equipent Sales"), in any layout: taken when the wordings it keys like name
        the same lines (one wording, or several of one concept), and reported like a reading
        of a damaged label (score 1)."""
        found = self.network.scan_wordings(self.index.key(label))
        if not found or len({frozenset(c.ref.concept for c in self.network.candidates(w))
                             for w in found}) != 1:
            return None
        match = self._resolve(found[0], has_values)
        if match is None:
            return None
        return replace(match, reading=FuzzyReading(wording=found[0], score=1.0))

    def _next_lines(self, limit: int = PLACE_WINDOW) -> list[NodeRef]:
        """The next lines after the current place, in the network's (printed) order, that this
        table has not matched yet: the ones a row printed here can be."""
        if self.last is None:
            return []
        last = self.last.path
        later = [
            p for p in self.network.places
            if p.path > last and p.path not in self.seen and not self.is_abstract(p)
        ]
        return sorted(later, key=lambda p: p.path)[:limit]

    def _resolve_at_place(self, label: str) -> RowMatch | None:
        places = self._next_lines()
        wordings = [
            [
                key for key, cands in self.network.wordings.items()
                if any(c.ref.path == place.path for c in cands)
            ]
            for place in places
        ]
        found = reading_at_place(self.index, self.network, label, wordings)
        if found is None:
            return None
        at, guess = found
        place = places[at]
        negated = any(
            c.negated for c in self.network.candidates(guess.wording) if c.ref.path == place.path
        )
        # a line read by its place is entered as any other: under a member row it keeps the
        # member ("Intersegmnt ..."), a breakdown's row opens it ("Operatting Income (Loss)")
        return RowMatch(ref=place, negated=negated, member=self._enter(place), reading=guess,
                        at_place=True)

    def _resolve_joined(self, label: str, has_values: bool) -> RowMatch | None:
        """A label that is headings and one line run together ("NET INCOME PER SHARE BASIC
        WEIGHTED-AVERAGE NUMBER OF SHARES"), as printed or without its unit note ("(shares)"),
        its words the network's wordings or, failing that, some in other words: enter the
        headings, then match the line."""
        texts = dict.fromkeys((label, wording.without_unit_note(label)))
        for in_other_words in (False, True):
            for text in texts:
                spans, uncovered = split_wordings(self.index, self.network, text,
                                                  in_other_words=in_other_words)
                lines = [key for key, heading in spans if not heading]
                if not uncovered and len(spans) >= 2 and len(lines) <= 1:
                    return self._enter_joined(spans, lines, has_values)
        return None

    def _enter_joined(self, spans: list[tuple[str, bool]], lines: list[str], has_values: bool
                      ) -> RowMatch | None:
        for key, heading in spans:
            if heading:
                self._resolve(key, has_values=False)
        return self._resolve(lines[0], has_values) if lines else None

    def _resolve(self, label: str, has_values: bool) -> RowMatch | None:
        member_row = self._member_row(label, active_only=True)
        cand = None if member_row else self._pick(label, has_values)
        if member_row is None and cand is None:
            member_row = self._member_row(label, active_only=False)
        if member_row is not None:
            self.breakdown = member_row.ref
            self.by_order = member_row.by_order
            self.member = member_row.member
            self.last = member_row.ref
            return member_row
        if cand is None:
            return None
        return RowMatch(ref=cand.ref, negated=cand.negated, member=self._enter(cand.ref),
                        by_place=self.by_place)

    def _enter(self, ref: NodeRef) -> tuple[str, str] | None:
        """Move to the line ``ref``; the member it is read under, if any."""
        if self.breakdown is not None and ref.is_within(self.breakdown) \
                and ref.path != self.breakdown.path:
            # a line under a member row keeps the member; a line under the total row
            # ("Customers" below "Revenues") keeps the breakdown for the member rows after it
            member = self.member
        else:  # a breakdown's row, or a line under one, opens it for the member rows after
            self.breakdown = next((a for a in ref.ancestors() if a.node.breakdown), None)
            self.by_order = False
            self.member = member = None
        self.last = ref
        self.seen.add(ref.path)
        return member
