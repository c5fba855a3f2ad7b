"""Governance's pages, one module per part: boards, meetings, decisions and gates."""
