"""The base of the project's management commands: one language throughout.

Django runs a command with the site's default language active, so a command whose own
text is English would print the messages it gets from the apps ("no DOI", a field's
name, a service's refusal) in Kyrgyz: one line in two languages. A command speaks
English, as Django's own do, unless it offers `--language` (commands whose messages
are all translated: the importer, the Crossref export) and is given another.
"""

from django.core.management.base import BaseCommand
from django.utils import translation

from .languages import LANGUAGE_CODES

COMMAND_LANGUAGE = "en"


class OneLanguageCommand(BaseCommand):
    """Runs `handle()` (and builds its --help) in one language: `--language` when the
    command offers it (`translated = True`), else English."""

    translated = False

    def create_parser(self, prog_name, subcommand, **kwargs):
        with translation.override(COMMAND_LANGUAGE):
            parser = super().create_parser(prog_name, subcommand, **kwargs)
            if self.translated:
                parser.add_argument(
                    "--language",
                    choices=LANGUAGE_CODES,
                    default=COMMAND_LANGUAGE,
                    help="The language of the command's messages (default: en).",
                )
        return parser

    def execute(self, *args, **options):
        with translation.override(options.get("language") or COMMAND_LANGUAGE):
            return super().execute(*args, **options)
