"""Helpers the tests share: worlds to test against, sign-in, page and browser helpers."""
