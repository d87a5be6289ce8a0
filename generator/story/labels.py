"""The label of an event told by several sources: written rules, explained on Methode.

Each source keeps its own telling (certainty, who it cites, date) in its SourceRef. The
event's own label is the most cautious telling: a later summary that states as fact what
the first reports called unconfirmed does not make it confirmed. The event names who
says so in that telling. An editor's correction (applied afterwards) still wins.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import Certainty, Event

# From most to least cautious; planned events are never merged with others.
CAUTION = (Certainty.CLAIMED, Certainty.REPORTED, Certainty.CONFIRMED)


def settle(events: Iterable[Event]) -> None:
    """Give each merged event the label of its most cautious telling, in place."""
    for event in events:
        tellings = [s for s in event.sources if s.certainty is not None]
        kinds = {Certainty(s.certainty) for s in tellings if s.certainty in CAUTION}
        if len(kinds) < 2:
            continue
        label = next(c for c in CAUTION if c in kinds)
        event.certainty = label
        names: list[str] = []
        for source in tellings:
            if source.certainty == label.value:
                names.extend(n for n in source.attributed_to if n not in names)
        event.attributed_to = names
