"""The language each reader expects: Brazilian Portuguese behind /pt/ (Django's own messages and the dates
included), Latin American Spanish behind /es/, Indonesian dates with the month written out."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(username="staff", is_staff=True, is_superuser=True))
    return client


def test_the_admin_login_speaks_brazilian_portuguese(client):
    content = client.get("/pt/admin/login/").content.decode()
    assert "Senha" in content
    assert "Palavra-passe" not in content and "Utilizador" not in content


def test_the_admin_forms_save_in_brazilian_portuguese(staff_client):
    content = staff_client.get("/pt/admin/members/country/add/").content.decode()
    assert "Salvar e continuar editando" in content
    assert "Gravar" not in content


def test_the_admin_login_error_speaks_latin_american_spanish(client):
    response = client.post("/es/admin/login/", {"username": "nadie", "password": "incorrecta"})
    content = response.content.decode()
    assert "Ingrese el nombre de usuario y la contraseña correctos" in content
    assert "introduzca" not in content.lower()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pt", "5 de fevereiro de 2026"),  # Brazilian spelling: months in lower case
        ("es", "5 de febrero de 2026"),
        ("id", "5 Februari 2026"),  # not Django's "5 Feb. 2026"
        ("en", "Feb. 5, 2026"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language, expected):
    with translation.override(language):
        assert date_format(datetime.date(2026, 2, 5)) == expected
