"""The story told by the events: headlines, labels, the permission steps, milestones."""
