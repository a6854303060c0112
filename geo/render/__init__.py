"""Pictures and files for readers and slides: charts, the briefing PNG, tables and exports."""
