"""The "Before I share" reviews, kept with the versions they were of."""

from __future__ import annotations

from peerjournal.core import story as st
from peerjournal.core.documents import STORY_REVIEWS
from peerjournal.core.json_types import JsonValue
from peerjournal.core.story_review import Review, Shared, digest, reviews_from, reviews_value
from peerjournal.services.events import Changes
from peerjournal.services.session import VaultSession


class StoryReviewService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    def all(self) -> list[Review]:
        """Every kept review, oldest first."""
        document = self._session.reader.get(STORY_REVIEWS)
        return reviews_from(document.value) if document is not None else []

    def find(self, version: int | None, document: st.StoryDocument) -> Review | None:
        """The latest review of exactly these words (of this version, or this draft)."""
        words = digest(document)
        return next((r for r in reversed(self.all()) if r.matches(version, words)), None)

    def keep(
        self,
        version: int | None,
        document: st.StoryDocument,
        *,
        checklist: JsonValue = None,
        skipped: bool = False,
    ) -> Review:
        review = Review(
            version=version,
            digest=digest(document),
            when=self._session.clock(),
            skipped=skipped,
            checklist=checklist,
        )
        self._write([*self.all(), review])
        return review

    def shared(self, review: Review, *, how: str, file: str = "") -> Review:
        """Adds a saved PDF or a print to the review it went with."""
        done = review.with_shared(Shared(self._session.clock(), how, file))
        kept = self.all()
        for index in range(len(kept) - 1, -1, -1):
            if kept[index].matches(review.version, review.digest) and (
                kept[index].when == review.when
            ):
                kept[index] = done
                break
        else:
            kept.append(done)
        self._write(kept)
        return done

    def _write(self, reviews: list[Review]) -> None:
        self._session.vault.save(STORY_REVIEWS, reviews_value(reviews))
        self._session.hub.notify(Changes(story=True))


__all__ = ["StoryReviewService"]
