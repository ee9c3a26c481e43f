"""The North Star dashboard's shared code: where the marts are read (warehouse), how the
pages read them (data), the metrics' names and formats (metrics) and the charts (charts)."""
