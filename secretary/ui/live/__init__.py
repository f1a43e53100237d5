"""Panels of the live meeting window: banner, attendance, agenda, item in focus."""
