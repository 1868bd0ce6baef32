from zan.cli import cli

cli()
