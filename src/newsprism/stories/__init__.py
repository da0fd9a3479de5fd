"""Stories: clustering articles into stories, aligning their events into claims, and comparing outlets."""

from newsprism.stories.stage import update_stories

__all__ = ["update_stories"]
