"""List pages of the window: table models over store queries, filters and search."""
