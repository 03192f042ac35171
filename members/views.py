from django.http import HttpResponse


# Placeholders until the onboarding work lands: the names are fixed so public pages can link to them.
def join(request):
    return HttpResponse(status=503)


def report_listing(request):
    return HttpResponse(status=503)
