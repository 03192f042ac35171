"""Date and number formats where Django's own for a language are not what the network's readers write
(``FORMAT_MODULE_PATH``). Only the languages listed here differ; the others use Django's formats."""
