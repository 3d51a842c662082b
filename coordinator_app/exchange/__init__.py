"""Spreadsheet import and export (CSV, XLSX, JSON). No Qt: the window and the CLI both call this."""
