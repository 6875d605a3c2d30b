"""Charts of party-building networks, with Chinese labels that render on any machine."""
