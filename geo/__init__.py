"""Logic of the Central Asia jihadist-networks dashboard: data, validation, joins, i18n."""
