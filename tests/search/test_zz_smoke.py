import pytest
from tests.builders import make_article, make_keyword, add_section, make_journal
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

def test_smoke(client):
    make_journal()
    kw = make_keyword(name_ky="чек ара", name_ru="граница", name_en="border")
    a = make_article(title_ru="Граница и вода", title_ky="Үлкөн өлкөлөр мамилелери", keywords=[kw])
    add_section(a, text_ru="Длинный текст о границах между государствами. " * 5)
    print(SearchDocument.objects.values_list("language", "content__title_f"))
    for q in ["граница", "ГРАНИЦА", "улкон", "мамиле", "border", "&|!:*", ""]:
        r = client.get("/ru/search/", {"q": q})
        print(q, r.status_code)
        html = r.content.decode()
        i = html.find("<h1>")
        print(html[i:i+3000])
