"""The public directory's template tags and filters: registration only. What they do lives in plain modules:
``rssn.languages`` (translated content, language links), ``services.display`` (distances, phones, time zones, map
links) and ``services.cards`` (result cards, open state, the referral list)."""

from django import template

from rssn import languages
from services import card_cache, cards, display

register = template.Library()

register.simple_tag(languages.best_translation, name="translated")
register.simple_tag(display.quick_exit_url)
register.filter(display.distance)
register.filter(display.zone_name)
register.filter(display.tel_href)
register.filter(display.phone_display)
register.filter(display.map_url)
register.simple_tag(cards.open_state)
register.simple_tag(cards.listing_status)
register.simple_tag(cards.location_closure)
register.simple_tag(cards.contact_phone)
register.simple_tag(cards.list_change)
register.simple_tag(cards.access_facts)


@register.simple_tag(takes_context=True)
def language_links(context):
    """``{% language_links as links %}``: the current page in every language (``rssn.languages.language_links``)."""
    request = context.get("request")
    return languages.language_links(request) if request is not None else []


@register.simple_tag(takes_context=True)
def referral_ids(context):
    return cards.referral_ids(context.get("request"))


@register.simple_tag(takes_context=True)
def list_only_query(context):
    return cards.list_only_query(context.get("request"))


@register.simple_tag(takes_context=True)
def list_without(context, pk):
    return cards.list_without(context.get("request"), pk)


@register.simple_tag(takes_context=True)
def result_cards(context, services):
    """``{% result_cards page as results %}``: each service's card (``services.cards.result_cards``)."""
    return cards.result_cards(context, services)


@register.tag
def keep(parser, token):
    """``{% keep "name" value ... %}...{% endkeep %}``: the block rendered once per language, version of the
    directory and values given, then kept (``services.card_cache.kept_markup``). Only for markup made of the
    language, the cached reference data (countries, categories, cities) and those values: a block that read the
    request or a listing would show one visitor's page to the next."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% keep %} takes a quoted name, then the values its markup varies on.")
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return card_cache.KeptBlock(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


@register.tag
def keep_page(parser, token):
    """``{% keep_page %}...{% endkeep_page %}``: what a page prints of its own, kept by its view's
    ``services.card_cache.KeptPage`` (``kept_page`` in the context; without it, rendered each time)."""
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% keep_page %} takes no value: the view's KeptPage holds the key.")
    nodelist = parser.parse(("endkeep_page",))
    parser.delete_first_token()
    return card_cache.KeptPageBlock(nodelist)


@register.tag
def keep_results(parser, token):
    """``{% keep_results %}...{% endkeep_results %}``: a search page's results, kept beside its kept answer by the
    view's ``services.card_cache.KeptResults`` (``kept_results`` in the context; without it, rendered each time).
    Only for markup made of the answer, the values that decide it, the language, the reference data and the address
    through ``{% querystring %}``: nothing else of the request."""
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% keep_results %} takes no value: the view's KeptResults holds the key.")
    nodelist = parser.parse(("endkeep_results",))
    parser.delete_first_token()
    return cards.KeptResultsBlock(nodelist)
