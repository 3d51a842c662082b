"""Carnet COOP: the offline-first field notebook of CQCM's regional coordinators."""

__version__ = "0.1.0"
APP_NAME = "Carnet COOP"
