"""The season the dashboard and « Bilan annuel » open on: the one in progress, not next year's."""

from coordinator_app.domain.indicators import current_season, default_year


def test_next_years_imported_projects_do_not_move_the_default_off_this_season():
    projects = [{"season_year": 2026}, {"season_year": 2027}, {"season_year": 2025}]
    assert current_season(projects, 2026) == 2026


def test_without_this_years_projects_the_latest_past_season_is_shown():
    assert default_year([2023, 2024, 2028], 2026) == 2024
    assert default_year([2028, 2029], 2026) == 2028  # only future seasons: the nearest one
    assert default_year([], 2026) == 2026
