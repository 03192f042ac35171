"""Reference data used in production too: the service taxonomy, the populations served and the languages spoken.

Names and descriptions are written in the four interface languages (es, pt, en, id) in a formal register, with
the terms GBV practitioners use in each language (the IASC GBV guidelines and the GBV AoR glossaries). Language
names come from Babel (CLDR); only where CLDR has none is a name written here.

``load_taxonomy()`` creates or updates all of it by slug or code, so it can run on every deployment.
"""

from babel import Locale
from django.db import transaction

from members.reference import upsert

#: Interface language → Babel locale and modeltranslation field suffix.
LOCALES = {"es": "es", "pt": "pt", "en": "en", "id": "id"}
FIELD_SUFFIX = {"es": "es", "pt": "pt", "en": "en", "id": "ind"}


def _t(es: str, pt: str, en: str, id: str) -> dict[str, str]:  # noqa: A002 - "id" is the language code
    return {"es": es, "pt": pt, "en": en, "id": id}


def translated_fields(field: str, texts: dict[str, str]) -> dict[str, str]:
    """``{"es": ..., "id": ...}`` → ``{"name_es": ..., "name_ind": ...}`` for modeltranslation."""
    return {f"{field}_{FIELD_SUFFIX[language]}": text for language, text in texts.items()}


# Each main category: (slug, name, description, [(sub slug, name, description), ...])
CATEGORIES = [
    (
        "safe-shelter",
        _t("Albergue seguro", "Abrigo seguro", "Safe shelter", "Rumah aman"),
        _t(
            "Acogida protegida y confidencial para personas sobrevivientes de violencia basada en género y sus hijas "
            "e hijos cuando no es seguro permanecer en casa.",
            "Acolhimento protegido e sigiloso para pessoas sobreviventes de violência baseada em gênero e seus filhos "
            "e filhas quando não é seguro permanecer em casa.",
            "Protected, confidential accommodation for survivors of gender-based violence and their children when "
            "it is not safe to stay at home.",
            "Tempat tinggal yang terlindungi dan rahasia bagi penyintas kekerasan berbasis gender beserta anak-anak "
            "mereka ketika rumah tidak lagi aman.",
        ),
        [
            (
                "emergency-shelter",
                _t("Albergue de emergencia", "Casa-abrigo de emergência", "Emergency shelter", "Rumah aman darurat"),
                _t(
                    "Acogida inmediata por unos días, en cualquier momento, con alimentación y acompañamiento.",
                    "Acolhimento imediato por alguns dias, a qualquer hora, com alimentação e acompanhamento.",
                    "Immediate stay for a few days, at any hour, with meals and accompaniment.",
                    "Penampungan segera selama beberapa hari, kapan saja, dengan makanan dan pendampingan.",
                ),
            ),
            (
                "transitional-housing",
                _t("Vivienda transitoria", "Moradia de transição", "Transitional housing", "Hunian transisi"),
                _t(
                    "Vivienda por varios meses mientras la persona sobreviviente recupera su autonomía.",
                    "Moradia por alguns meses enquanto a pessoa sobrevivente reconstrói sua autonomia.",
                    "Housing for several months while the survivor rebuilds their independence.",
                    "Tempat tinggal selama beberapa bulan selama penyintas membangun kembali kemandiriannya.",
                ),
            ),
        ],
    ),
    (
        "psychosocial-support",
        _t("Apoyo psicosocial", "Apoio psicossocial", "Psychosocial support", "Dukungan psikososial"),
        _t(
            "Escucha, contención emocional y acompañamiento para recuperar el bienestar después de la violencia.",
            "Escuta, acolhimento emocional e acompanhamento para recuperar o bem-estar depois da violência.",
            "Listening, emotional support and accompaniment to recover well-being after violence.",
            "Mendengarkan, dukungan emosional, dan pendampingan untuk memulihkan kesejahteraan setelah kekerasan.",
        ),
        [
            (
                "psychological-first-aid",
                _t(
                    "Primeros auxilios psicológicos",
                    "Primeiros cuidados psicológicos",
                    "Psychological first aid",
                    "Pertolongan pertama psikologis",
                ),
                _t(
                    "Apoyo inmediato, práctico y respetuoso en las horas y días posteriores a una crisis.",
                    "Apoio imediato, prático e respeitoso nas horas e dias após uma crise.",
                    "Immediate, practical and respectful support in the hours and days after a crisis.",
                    "Dukungan segera, praktis, dan penuh hormat pada jam dan hari setelah krisis.",
                ),
            ),
            (
                "individual-counselling",
                _t(
                    "Atención psicológica individual",
                    "Atendimento psicológico individual",
                    "Individual counselling",
                    "Konseling individu",
                ),
                _t(
                    "Sesiones individuales con una psicóloga o un psicólogo, o con personal de consejería, con "
                    "formación en violencia basada en género.",
                    "Sessões individuais com psicóloga ou psicólogo, ou com profissional de aconselhamento, com "
                    "formação em violência baseada em gênero.",
                    "One-to-one sessions with a psychologist or counsellor trained in gender-based violence.",
                    "Sesi tatap muka dengan psikolog atau konselor yang terlatih menangani kekerasan berbasis gender.",
                ),
            ),
            (
                "support-groups",
                _t("Grupos de apoyo", "Grupos de apoio", "Support groups", "Kelompok dukungan"),
                _t(
                    "Encuentros grupales entre sobrevivientes, facilitados por personal especializado.",
                    "Encontros em grupo entre sobreviventes, facilitados por equipe especializada.",
                    "Group meetings between survivors, facilitated by specialised staff.",
                    "Pertemuan kelompok antarpenyintas yang difasilitasi oleh petugas terlatih.",
                ),
            ),
            (
                "mental-health-care",
                _t(
                    "Atención especializada en salud mental",
                    "Atenção especializada em saúde mental",
                    "Specialised mental health care",
                    "Layanan kesehatan jiwa spesialis",
                ),
                _t(
                    "Evaluación y tratamiento por psiquiatría o psicología clínica cuando se necesita más apoyo.",
                    "Avaliação e tratamento por psiquiatria ou psicologia clínica quando é preciso mais apoio.",
                    "Assessment and treatment by psychiatry or clinical psychology when more support is needed.",
                    "Penilaian dan perawatan oleh psikiater atau psikolog klinis bila dibutuhkan dukungan lebih.",
                ),
            ),
        ],
    ),
    (
        "medical-care",
        _t("Atención médica", "Atendimento médico", "Medical care", "Layanan medis"),
        _t(
            "Atención de salud confidencial para sobrevivientes, incluido el manejo clínico de la violación.",
            "Atendimento de saúde sigiloso para sobreviventes, incluindo o manejo clínico do estupro.",
            "Confidential health care for survivors, including clinical management of rape.",
            "Layanan kesehatan yang rahasia bagi penyintas, termasuk penanganan klinis perkosaan.",
        ),
        [
            (
                "clinical-management-of-rape",
                _t(
                    "Manejo clínico de la violación",
                    "Manejo clínico do estupro",
                    "Clinical management of rape",
                    "Penanganan klinis perkosaan",
                ),
                _t(
                    "Examen y tratamiento tras una violación: anticoncepción de emergencia, profilaxis posexposición "
                    "al VIH (debe iniciarse a más tardar 72 horas después, y cuanto antes mejor) y prevención de "
                    "infecciones de transmisión sexual.",
                    "Exame e tratamento após um estupro: contracepção de emergência, profilaxia pós-exposição ao HIV "
                    "(deve começar em no máximo 72 horas, e quanto antes melhor) e prevenção de infecções "
                    "sexualmente transmissíveis.",
                    "Examination and treatment after rape: emergency contraception, HIV post-exposure prophylaxis "
                    "(it must start within 72 hours at the latest, and the sooner the better) and prevention of "
                    "sexually transmitted infections.",
                    "Pemeriksaan dan perawatan setelah perkosaan: kontrasepsi darurat, profilaksis pascapajanan HIV "
                    "(harus dimulai paling lambat 72 jam setelah kejadian, makin cepat makin baik) dan pencegahan "
                    "infeksi menular seksual.",
                ),
            ),
            (
                "emergency-medical-care",
                _t(
                    "Atención médica de urgencia",
                    "Atendimento médico de urgência",
                    "Emergency medical care",
                    "Layanan medis darurat",
                ),
                _t(
                    "Atención de lesiones y urgencias médicas, con trato respetuoso y confidencial.",
                    "Atendimento de lesões e urgências médicas, com tratamento respeitoso e sigiloso.",
                    "Care for injuries and medical emergencies, given respectfully and confidentially.",
                    "Penanganan luka dan kedaruratan medis secara hormat dan rahasia.",
                ),
            ),
            (
                "forensic-examination",
                _t(
                    "Examen médico-legal",
                    "Exame médico-legal",
                    "Forensic medical examination",
                    "Pemeriksaan medikolegal",
                ),
                _t(
                    "Examen y documentación de lesiones que pueden servir como prueba, solo con el consentimiento de "
                    "la persona sobreviviente.",
                    "Exame e registro de lesões que podem servir como prova, somente com o consentimento da pessoa "
                    "sobrevivente.",
                    "Examination and documentation of injuries that may serve as evidence, only with the survivor's "
                    "consent.",
                    "Pemeriksaan dan dokumentasi luka yang dapat menjadi alat bukti, hanya dengan persetujuan "
                    "penyintas.",
                ),
            ),
        ],
    ),
    (
        "sexual-reproductive-health",
        _t(
            "Salud sexual y reproductiva",
            "Saúde sexual e reprodutiva",
            "Sexual and reproductive health",
            "Kesehatan seksual dan reproduksi",
        ),
        _t(
            "Servicios de salud sexual y reproductiva con enfoque de derechos y sin discriminación.",
            "Serviços de saúde sexual e reprodutiva com enfoque de direitos e sem discriminação.",
            "Sexual and reproductive health services based on rights and free of discrimination.",
            "Layanan kesehatan seksual dan reproduksi yang berbasis hak dan bebas diskriminasi.",
        ),
        [
            (
                "family-planning",
                _t(
                    "Anticoncepción y planificación familiar",
                    "Contracepção e planejamento reprodutivo",
                    "Contraception and family planning",
                    "Kontrasepsi dan keluarga berencana",
                ),
                _t(
                    "Orientación y métodos anticonceptivos, incluida la anticoncepción de emergencia.",
                    "Orientação e métodos contraceptivos, incluindo a contracepção de emergência.",
                    "Advice and contraceptive methods, including emergency contraception.",
                    "Konseling dan metode kontrasepsi, termasuk kontrasepsi darurat.",
                ),
            ),
            (
                "hiv-sti-services",
                _t(
                    "VIH e infecciones de transmisión sexual",
                    "HIV e infecções sexualmente transmissíveis",
                    "HIV and sexually transmitted infections",
                    "HIV dan infeksi menular seksual",
                ),
                _t(
                    "Pruebas, tratamiento y seguimiento del VIH y de otras infecciones de transmisión sexual.",
                    "Testagem, tratamento e acompanhamento do HIV e de outras infecções sexualmente transmissíveis.",
                    "Testing, treatment and follow-up for HIV and other sexually transmitted infections.",
                    "Tes, pengobatan, dan pemantauan HIV serta infeksi menular seksual lainnya.",
                ),
            ),
            (
                "maternal-health",
                _t("Salud materna", "Saúde materna", "Maternal health", "Kesehatan ibu"),
                _t(
                    "Control prenatal, atención del parto y del posparto.",
                    "Pré-natal, assistência ao parto e ao pós-parto.",
                    "Antenatal care, childbirth and postnatal care.",
                    "Pemeriksaan kehamilan, pertolongan persalinan, dan perawatan pascapersalinan.",
                ),
            ),
        ],
    ),
    (
        "legal-aid",
        _t("Asesoría jurídica", "Assistência jurídica", "Legal aid", "Bantuan hukum"),
        _t(
            "Orientación y representación jurídica gratuita o de bajo costo para sobrevivientes.",
            "Orientação e representação jurídica gratuita ou de baixo custo para sobreviventes.",
            "Free or low-cost legal advice and representation for survivors.",
            "Konsultasi dan pendampingan hukum gratis atau berbiaya rendah bagi penyintas.",
        ),
        [
            (
                "protection-orders",
                _t("Medidas de protección", "Medidas protetivas", "Protection orders", "Perintah perlindungan"),
                _t(
                    "Apoyo para solicitar medidas de protección o de alejamiento frente al agresor.",
                    "Apoio para solicitar medidas protetivas de urgência contra o agressor.",
                    "Help to apply for protection or restraining orders against the perpetrator.",
                    "Bantuan untuk mengajukan perintah perlindungan terhadap pelaku.",
                ),
            ),
            (
                "criminal-justice",
                _t(
                    "Denuncia y acompañamiento judicial",
                    "Denúncia e acompanhamento judicial",
                    "Reporting and court accompaniment",
                    "Pelaporan dan pendampingan di pengadilan",
                ),
                _t(
                    "Información sobre la denuncia y acompañamiento durante el proceso penal, si la persona "
                    "sobreviviente decide denunciar.",
                    "Informação sobre a denúncia e acompanhamento durante o processo penal, se a pessoa sobrevivente "
                    "decidir denunciar.",
                    "Information about reporting and accompaniment through criminal proceedings, if the survivor "
                    "decides to report.",
                    "Informasi tentang pelaporan dan pendampingan selama proses pidana, jika penyintas memutuskan "
                    "untuk melapor.",
                ),
            ),
            (
                "asylum-migration",
                _t(
                    "Asilo y situación migratoria",
                    "Refúgio e situação migratória",
                    "Asylum and migration status",
                    "Suaka dan status keimigrasian",
                ),
                _t(
                    "Orientación sobre la solicitud de asilo o refugio, la regularización migratoria y la "
                    "documentación.",
                    "Orientação sobre a solicitação de refúgio, a regularização migratória e a documentação.",
                    "Advice on claiming asylum or refugee status, regularising migration status and documents.",
                    "Konsultasi tentang permohonan suaka atau status pengungsi, status keimigrasian, dan dokumen.",
                ),
            ),
            (
                "family-law",
                _t("Derecho de familia", "Direito de família", "Family law", "Hukum keluarga"),
                _t(
                    "Divorcio, custodia, régimen de visitas y pensión alimenticia.",
                    "Divórcio, guarda, convivência e pensão alimentícia.",
                    "Divorce, custody, visitation and child maintenance.",
                    "Perceraian, hak asuh anak, hak kunjungan, dan nafkah anak.",
                ),
            ),
        ],
    ),
    (
        "case-management",
        _t("Gestión de casos", "Gestão de casos", "Case management", "Manajemen kasus"),
        _t(
            "Una gestora o un gestor de casos evalúa las necesidades junto con la persona sobreviviente, acuerda con "
            "ella un plan y coordina los servicios, siempre con su consentimiento informado.",
            "Uma gestora ou um gestor de casos avalia as necessidades junto com a pessoa sobrevivente, combina com "
            "ela um plano e coordena os serviços, sempre com seu consentimento informado.",
            "A caseworker assesses the survivor's needs with them, agrees a plan with them and coordinates services, "
            "always with their informed consent.",
            "Seorang pekerja kasus menilai kebutuhan bersama penyintas, menyusun rencana bersamanya, dan "
            "mengoordinasikan layanan, selalu dengan persetujuan penyintas setelah mendapat penjelasan lengkap.",
        ),
        [
            (
                "gbv-case-management",
                _t("Gestión de casos de VBG", "Gestão de casos de VBG", "GBV case management", "Manajemen kasus KBG"),
                _t(
                    "Acompañamiento continuo y confidencial de cada caso según los estándares interagenciales.",
                    "Acompanhamento contínuo e sigiloso de cada caso segundo os padrões interagenciais.",
                    "Ongoing, confidential follow-up of each case according to inter-agency standards.",
                    "Pendampingan berkelanjutan dan rahasia untuk setiap kasus sesuai standar antarlembaga.",
                ),
            ),
            (
                "referral-accompaniment",
                _t(
                    "Remisión y acompañamiento",
                    "Encaminhamento e acompanhamento",
                    "Referral and accompaniment",
                    "Rujukan dan pendampingan",
                ),
                _t(
                    "Remisión segura a otros servicios de la ruta de referencia y acompañamiento presencial.",
                    "Encaminhamento seguro a outros serviços do fluxo de encaminhamento, com acompanhamento "
                    "presencial.",
                    "Safe referral to other services in the referral pathway and accompaniment in person.",
                    "Rujukan yang aman ke layanan lain dalam jalur rujukan dan pendampingan secara langsung.",
                ),
            ),
        ],
    ),
    (
        "helpline",
        _t("Línea de ayuda", "Linha de ajuda", "Helpline", "Layanan pengaduan"),
        _t(
            "Orientación por teléfono, chat o mensajería, a menudo las 24 horas.",
            "Orientação por telefone, chat ou mensagens, muitas vezes 24 horas por dia.",
            "Advice by phone, chat or messaging, often around the clock.",
            "Pendampingan melalui telepon, obrolan, atau pesan, sering kali 24 jam.",
        ),
        [
            (
                "gbv-hotline",
                _t(
                    "Línea telefónica de atención",
                    "Linha telefônica de atendimento",
                    "GBV hotline",
                    "Saluran siaga KBG",
                ),
                _t(
                    "Escucha, información y orientación por teléfono para personas sobrevivientes y quienes las "
                    "apoyan.",
                    "Escuta, informação e orientação por telefone para pessoas sobreviventes e quem as apoia.",
                    "Listening, information and guidance by phone for survivors and the people supporting them.",
                    "Mendengarkan, informasi, dan arahan melalui telepon bagi penyintas dan orang yang mendukungnya.",
                ),
            ),
            (
                "remote-counselling",
                _t("Orientación en línea", "Orientação on-line", "Online and chat support", "Pendampingan daring"),
                _t(
                    "Atención por chat, mensajería o videollamada, con medidas para proteger la privacidad.",
                    "Atendimento por chat, mensagens ou videochamada, com medidas para proteger a privacidade.",
                    "Support by chat, messaging or video call, with measures to protect privacy.",
                    "Pendampingan melalui obrolan, pesan, atau panggilan video, dengan langkah perlindungan privasi.",
                ),
            ),
        ],
    ),
    (
        "child-protection",
        _t("Protección de la niñez", "Proteção da criança e do adolescente", "Child protection", "Perlindungan anak"),
        _t(
            "Servicios especializados para niñas, niños y adolescentes en riesgo o sobrevivientes de violencia.",
            "Serviços especializados para crianças e adolescentes em risco ou sobreviventes de violência.",
            "Specialised services for children and adolescents at risk or who survived violence.",
            "Layanan khusus bagi anak dan remaja yang berisiko atau penyintas kekerasan.",
        ),
        [
            (
                "child-case-management",
                _t(
                    "Gestión de casos de protección infantil",
                    "Gestão de casos de proteção infantil",
                    "Child protection case management",
                    "Manajemen kasus perlindungan anak",
                ),
                _t(
                    "Atención centrada en el interés superior de la niña o el niño, con participación de su familia "
                    "cuando es seguro.",
                    "Atendimento centrado no melhor interesse da criança, com participação da família quando é seguro.",
                    "Care centred on the best interests of the child, involving the family when it is safe.",
                    "Layanan yang berpusat pada kepentingan terbaik anak, melibatkan keluarga bila aman.",
                ),
            ),
            (
                "child-friendly-spaces",
                _t(
                    "Espacios amigables para la niñez",
                    "Espaços amigáveis para crianças",
                    "Child-friendly spaces",
                    "Ruang ramah anak",
                ),
                _t(
                    "Espacios seguros de juego, aprendizaje y apoyo psicosocial para niñas, niños y adolescentes.",
                    "Espaços seguros de brincadeira, aprendizagem e apoio psicossocial para crianças e adolescentes.",
                    "Safe spaces for play, learning and psychosocial support for children and adolescents.",
                    "Ruang aman untuk bermain, belajar, dan dukungan psikososial bagi anak dan remaja.",
                ),
            ),
            (
                "family-tracing",
                _t(
                    "Búsqueda y reunificación familiar",
                    "Busca e reunificação familiar",
                    "Family tracing and reunification",
                    "Penelusuran dan penyatuan keluarga",
                ),
                _t(
                    "Apoyo a niñas y niños no acompañados o separados para encontrar a su familia.",
                    "Apoio a crianças desacompanhadas ou separadas para encontrar sua família.",
                    "Help for unaccompanied and separated children to find their families.",
                    "Bantuan bagi anak tanpa pendamping atau terpisah untuk menemukan keluarganya.",
                ),
            ),
        ],
    ),
    (
        "cash-basic-needs",
        _t(
            "Asistencia en efectivo y necesidades básicas",
            "Assistência financeira e necessidades básicas",
            "Cash and basic needs",
            "Bantuan tunai dan kebutuhan dasar",
        ),
        _t(
            "Apoyo material para cubrir necesidades urgentes y reducir los riesgos de violencia.",
            "Apoio material para cobrir necessidades urgentes e reduzir os riscos de violência.",
            "Material support to meet urgent needs and reduce the risks of violence.",
            "Dukungan materi untuk memenuhi kebutuhan mendesak dan mengurangi risiko kekerasan.",
        ),
        [
            (
                "cash-assistance",
                _t("Transferencias monetarias", "Transferência monetária", "Cash assistance", "Bantuan tunai"),
                _t(
                    "Transferencias de efectivo o tarjetas para alquiler, transporte o alimentación, como parte de "
                    "un plan de atención.",
                    "Transferências de dinheiro ou cartões para aluguel, transporte ou alimentação, como parte de um "
                    "plano de atendimento.",
                    "Cash or card transfers for rent, transport or food, as part of a care plan.",
                    "Bantuan uang tunai atau kartu untuk sewa, transportasi, atau makanan sebagai bagian dari rencana "
                    "penanganan.",
                ),
            ),
            (
                "dignity-kits",
                _t("Kits de dignidad", "Kits de dignidade", "Dignity kits", "Paket kebersihan (dignity kit)"),
                _t(
                    "Artículos de higiene y de primera necesidad para mujeres y niñas.",
                    "Itens de higiene e de primeira necessidade para mulheres e meninas.",
                    "Hygiene and essential items for women and girls.",
                    "Perlengkapan kebersihan dan kebutuhan pokok bagi perempuan dan anak perempuan.",
                ),
            ),
            (
                "food-assistance",
                _t("Asistencia alimentaria", "Assistência alimentar", "Food assistance", "Bantuan pangan"),
                _t(
                    "Alimentos o cupones de alimentación para sobrevivientes y sus familias.",
                    "Alimentos ou vales-alimentação para sobreviventes e suas famílias.",
                    "Food or food vouchers for survivors and their families.",
                    "Bahan pangan atau kupon makanan bagi penyintas dan keluarganya.",
                ),
            ),
        ],
    ),
    (
        "livelihoods",
        _t("Medios de vida", "Meios de vida", "Livelihoods", "Penghidupan"),
        _t(
            "Apoyo para generar ingresos propios y lograr la autonomía económica.",
            "Apoio para gerar renda própria e conquistar a autonomia econômica.",
            "Support to earn an income and become economically independent.",
            "Dukungan untuk memperoleh penghasilan dan mencapai kemandirian ekonomi.",
        ),
        [
            (
                "vocational-training",
                _t(
                    "Formación para el empleo",
                    "Capacitação profissional",
                    "Vocational training",
                    "Pelatihan keterampilan kerja",
                ),
                _t(
                    "Cursos prácticos de oficios y habilidades digitales.",
                    "Cursos práticos de ofícios e de habilidades digitais.",
                    "Practical courses in trades and digital skills.",
                    "Kursus praktis keterampilan kerja dan keterampilan digital.",
                ),
            ),
            (
                "employment-entrepreneurship",
                _t(
                    "Empleo y emprendimiento",
                    "Emprego e empreendedorismo",
                    "Employment and small business",
                    "Pekerjaan dan usaha kecil",
                ),
                _t(
                    "Orientación laboral, capital semilla y acompañamiento a pequeños negocios.",
                    "Orientação profissional, capital semente e acompanhamento de pequenos negócios.",
                    "Job guidance, seed capital and mentoring for small businesses.",
                    "Bimbingan kerja, modal awal, dan pendampingan usaha kecil.",
                ),
            ),
        ],
    ),
    (
        "information-orientation",
        _t(
            "Información y orientación",
            "Informação e orientação",
            "Information and orientation",
            "Informasi dan orientasi",
        ),
        _t(
            "Información clara sobre derechos y servicios disponibles, para decidir con conocimiento.",
            "Informação clara sobre direitos e serviços disponíveis, para decidir com conhecimento.",
            "Clear information about rights and available services, so people can make informed decisions.",
            "Informasi yang jelas tentang hak dan layanan yang tersedia, agar setiap orang dapat memutuskan sendiri "
            "berdasarkan informasi yang lengkap.",
        ),
        [
            (
                "rights-services-information",
                _t(
                    "Información sobre derechos y servicios",
                    "Informação sobre direitos e serviços",
                    "Information on rights and services",
                    "Informasi hak dan layanan",
                ),
                _t(
                    "Orientación sobre la ruta de referencia y los derechos de las personas sobrevivientes.",
                    "Orientação sobre o fluxo de encaminhamento e os direitos das pessoas sobreviventes.",
                    "Guidance on the referral pathway and survivors' rights.",
                    "Arahan tentang jalur rujukan dan hak-hak penyintas.",
                ),
            ),
            (
                "migrant-orientation",
                _t(
                    "Orientación a personas en movilidad",
                    "Orientação a pessoas em mobilidade",
                    "Orientation for people on the move",
                    "Orientasi bagi orang yang berpindah",
                ),
                _t(
                    "Información para personas refugiadas y migrantes sobre servicios, trámites y rutas seguras.",
                    "Informação para pessoas refugiadas e migrantes sobre serviços, documentos e rotas seguras.",
                    "Information for refugees and migrants about services, paperwork and safe routes.",
                    "Informasi bagi pengungsi dan migran tentang layanan, dokumen, dan rute yang aman.",
                ),
            ),
        ],
    ),
    (
        "safety-security",
        _t("Seguridad y protección", "Segurança e proteção", "Safety and security", "Keselamatan dan keamanan"),
        _t(
            "Apoyo para reducir el riesgo inmediato y mantenerse a salvo.",
            "Apoio para reduzir o risco imediato e manter-se em segurança.",
            "Support to reduce immediate risk and stay safe.",
            "Dukungan untuk mengurangi risiko segera dan tetap aman.",
        ),
        [
            (
                "safety-planning",
                _t("Plan de seguridad", "Plano de segurança", "Safety planning", "Rencana keselamatan"),
                _t(
                    "Elaboración, junto con la persona sobreviviente, de un plan para actuar ante situaciones de "
                    "peligro.",
                    "Elaboração, junto com a pessoa sobrevivente, de um plano para agir diante de situações de perigo.",
                    "Working out with the survivor a plan for what to do in dangerous situations.",
                    "Menyusun bersama penyintas rencana tindakan menghadapi situasi berbahaya.",
                ),
            ),
            (
                "specialised-police",
                _t(
                    "Unidades policiales especializadas",
                    "Delegacias especializadas",
                    "Specialised police units",
                    "Unit kepolisian khusus",
                ),
                _t(
                    "Unidades de policía formadas para recibir denuncias de violencia basada en género.",
                    "Unidades policiais capacitadas para receber denúncias de violência baseada em gênero.",
                    "Police units trained to receive reports of gender-based violence.",
                    "Unit kepolisian yang terlatih menerima laporan kekerasan berbasis gender.",
                ),
            ),
        ],
    ),
]

#: The words people use for each type of help, per language (``ServiceCategory.search_terms``): everyday,
#: colloquial and professional words and short phrases, as survivors, relatives, caseworkers and practitioners say
#: them in Mexico, Central America, Colombia, Venezuela and Peru, in Brazil, in Indonesia (with the abbreviations in
#: use: KDRT, LBH, UPTD PPA) and in English-speaking casework. Common misspellings that people type are terms too
#: (estrupo). A search for one of them finds the category's services, and its subcategories', in every language.
SEARCH_TERMS = {
    "safe-shelter": _t(
        "albergue, refugio, casa refugio, casa de acogida, casa de abrigo, alojamiento, hospedaje, techo, lugar "
        "seguro, dónde dormir, lugar para quedarme, salir de la casa, huir de la casa, casa de paso, hogar de "
        "paso, vivienda, alojamiento temporal, me echaron de la casa, dónde vivir, dónde quedarme, sin hogar, "
        "situación de calle, cuarto, dormitorio, albergue para mujeres, mujeres golpeadas, casa para mujeres "
        "golpeadas, me botaron de la casa, me sacaron de la casa, me corrieron de la casa, irme de la casa, no tengo "
        "a dónde ir, albergue para mujeres golpeadas, refugio para mujeres maltratadas, casa para mujeres maltratadas, "
        "desalojo, desalojada, me desalojaron, "
        "me botaron del jato"
        ", albergue que acepte, refugio que acepte, albergue que reciba, refugio que reciba"
        ", mis papás me corrieron, mis papás me echaron, mis padres me corrieron, mis padres me echaron"
        ", llevar a mi perro, llevar a mi gato, mascotas, mi mascota"
        ", albergue que reciba a mi hijo, albergue que acepte a mi hijo, refugio que acepte a mi hijo"
        ", con mis hijos varones, con mi hijo varón, refugio con mis hijos, albergue con mis hijos",
        "abrigo, casa abrigo, casa de acolhimento, acolhimento institucional, albergue, casa de passagem, "
        "alojamento, hospedagem, lugar seguro, onde dormir, lugar para ficar, sair de casa, fugir de casa, "
        "moradia, teto, quarto, sem teto, situação de rua, onde morar, onde ficar, pernoite, me expulsou de casa, "
        "me botou para fora, me colocou para fora, expulsa de casa, "
        "despejo, despejada, fui despejada, ordem de despejo, "
        "me expulsaram de casa, me mandou embora de casa, dormindo na rua, to na rua"
        ", abrigo que aceite, abrigo que receba"
        ", abrigo que aceite meu filho, abrigo que aceite adolescente, abrigo que aceite menino, abrigo que aceita "
        "meninos, abrigo com meu filho, abrigo com meus filhos"
        ", levar meu cachorro, levar meu gato, animal de estimação"
        ", sem casa, estou sem casa, fiquei sem casa, não tenho casa, não tenho onde ficar, não tenho onde morar"
        ", me expulsou, ele me expulsou, fui expulsa, fui expulsa de casa",
        "shelter, safe house, refuge, dv shelter, women's shelter, domestic violence shelter, emergency housing, "
        "housing, accommodation, place to stay, somewhere to sleep, bed, homeless, nowhere to live, nowhere to "
        "go, temporary housing, hostel, safe place, flee home, leave home, safe accommodation, lodging, "
        "evicted, eviction, got evicted, "
        "kicked out, kicked me out, threw me out, thrown out, nowhere to sleep, sleeping in my car, couch surfing"
        ", shelter that accepts, shelter that allows, shelter that accepts boys, where can i go, where do i "
        "go, where mi can go"
        ", bring my cat, bring my dog, pets allowed, pet friendly"
        ", shelter that will take my son, shelter that takes my son",
        "rumah aman, shelter, rumah singgah, tempat berlindung, berlindung, penampungan, tempat tinggal "
        "sementara, tempat menginap, menginap, tempat tidur, mengungsi, kabur dari rumah, lari dari rumah, tempat "
        "aman, rumah perlindungan, tunawisma, tidak punya rumah, tidak ada tempat tinggal, menumpang, asrama, "
        "tempat tinggal, "
        "penggusuran, digusur"
        ", rumah aman yang terima, shelter yang terima, tmpt tinggal, tmpt aman"
        ", bawa kucing, bawa anjing, hewan peliharaan"
        ", kabur dari majikan, lari dari majikan, kabur dari rumah majikan, kabur dari suami, minggat",
    ),
    "emergency-shelter": _t(
        "albergue de emergencia, refugio temporal, esta noche, hoy mismo, 24 horas, dormir hoy"
        ", me cerró la puerta, dónde dormimos hoy, dónde dormir esta noche, terminal de buses, "
        "terminal de autobuses, estoy en la terminal, terminal terrestre, un lugar donde quedarme, "
        "donde quedarme hoy"
        ", durmiendo en la calle, duermo en la calle, dormir en la calle"
        ", dòmi nan lari, kote pou m dòmi"
        ", albergue abierto ahora, albergue abierto hoy",
        "abrigo emergencial, hoje à noite, dormir hoje, 24 horas, acolhimento imediato"
        ", me trancou pra fora, rodoviária, estou na rodoviária, terminal rodoviário, um lugar pra ficar, "
        "onde ficar hoje, sem lugar pra dormir, sem lugar para dormir"
        ", dormindo na rua, durmo na rua, dormir na rua"
        ", abrigo aberto agora, abrigo aberto hoje",
        "emergency shelter, tonight, overnight, 24 hour shelter, crisis shelter, bed tonight"
        ", locked out, locked me out, he locked me out, can't go home, can't go back home, cant go home tonight, "
        "nowhere to sleep tonight, kicked out tonight, bus station, greyhound, greyhound station, "
        "bus terminal, stuck at the bus station, somewhere to stay, need somewhere to stay, "
        "somewhere to stay tonight, sending me back home"
        ", sleeping on the street, sleeping on the streets, sleeping rough, sleep on the street"
        ", shelter open now, shelter open right now, shelter open tonight"
        ", on the street with my baby, living on the street",
        "penampungan darurat, malam ini, menginap malam ini, 24 jam, rumah aman darurat"
        ", dikunciin di luar, gak boleh masuk rumah, terminal bus, di terminal, tempat nginep, numpang nginep, "
        "nginep"
        ", diusir, diusir dari rumah, diusir ortu"
        ", tidur di jalan, tidur di jalanan, tidak ada tempat tinggal, gak ada tempat tinggal, gak ada tmpt "
        "tinggal, tmpt nginep"
        # A shelter that is full: another one tonight
        ", rumah aman penuh, shelter penuh, penampungan penuh",
    ),
    "transitional-housing": _t(
        "vivienda transitoria, vivienda temporal, arriendo, alquiler, renta, casa de medio camino, "
        "largo plazo, vivienda a largo plazo, vivienda permanente",
        "moradia temporária, moradia de transição, aluguel social, aluguel, república, "
        "pagar aluguel, ajuda com aluguel, "
        "longo prazo, moradia definitiva, moradia permanente",
        "transitional housing, second stage housing, rent, rental help, longer stay, "
        "long term, long term housing, permanent housing, affordable housing",
        "hunian sementara, kontrakan, sewa rumah, kos, kost, ngekos, kos murah, kontrakan murah, "
        "jangka panjang, tempat tinggal tetap",
    ),
    "psychosocial-support": _t(
        "psicólogo, psicóloga, psicología, deprimida, deprimido, depre, terapia, terapeuta, consejería, orientación "
        "psicológica, apoyo emocional, contención emocional, escucha, desahogarme, hablar con alguien, salud mental, "
        "ansiedad, depresión, estrés, trauma, crisis nerviosa, ataque de pánico, angustia, tristeza, duelo, "
        "autoestima, acompañamiento psicológico, ayuda psicológica, nervios, triste, me siento triste, me siento mal, "
        "soledad, insomnio, pesadillas, lloro mucho, "
        "no duermo, ataques de ansiedad, me siento sola, lloro todo el tiempo, "
        "no puedo dormir, "
        "abuso en la infancia, trauma de la infancia, ya no aguanto, no aguanto más"
        ", ya no puedo más, no puedo más, ya no doy más, estoy al límite"
        ", relación tóxica, tóxico"
        ", terapia de conversión, terapias de conversión"
        ", estoy sola, estoy muy sola, me siento muy sola, no tengo a nadie, no tengo a quién acudir"
        # A caseworker's words: a safe space for women and girls, mental health and psychosocial support
        ", espacio seguro para mujeres, espacio seguro para mujeres y niñas, espacio de mujeres, SMAPS, salud mental "
        "y apoyo psicosocial",
        "psicólogo, psicóloga, psicologia, deprimida, deprimido, terapia, terapeuta, atendimento psicológico, "
        "apoio emocional, acolhimento, escuta, desabafar, conversar com alguém, saúde mental, ansiedade, "
        "depressão, estresse, trauma, crise, pânico, angústia, tristeza, luto, autoestima, ajuda psicológica, "
        "CAPS, aconselhamento, triste, me sinto mal, solidão, "
        "insônia, não durmo, crise de ansiedade, pesadelo, pesadelos, "
        "não consigo dormir, "
        "falar com alguém, choro muito, chorando, não paro de chorar, desanimada, sem vontade de nada, "
        "abuso na infância, sofri abuso quando criança, trauma de infância, não aguento mais"
        ", não posso mais, não dá mais, não consigo mais, to no limite, no meu limite"
        ", relacionamento tóxico, tóxico"
        ", terapia de conversão"
        ", estou sozinha, estou muito sozinha, sozinha, me sinto sozinha"
        ", espaço seguro para mulheres, espaço seguro para mulheres e meninas, espaço de mulheres, SMAPS, saúde "
        "mental e apoio psicossocial",
        "therapist, therapy, depressed, counseling, counselling, counselor, counsellor, psychologist, "
        "psychotherapy, emotional support, mental health, someone to talk to, talk to someone, trauma, ptsd, "
        "anxiety, depression, stress, panic attack, grief, psychosocial, mhpss, wellbeing, self-esteem, "
        "trauma-informed care, sad, feeling low, hopeless, lonely, "
        "insomnia, nightmares, bad dreams, trouble sleeping, flashbacks, "
        "can't sleep, cannot sleep, "
        "crying, can't stop crying, crying all the time, overwhelmed, breakdown, feel like giving up"
        ", can't take it anymore, can't do this anymore, can't go on like this, can't handle it anymore, "
        "i give up, at my limit, breaking down"
        ", toxic relationship, toxic"
        ", conversion therapy"
        ", alone, im alone, i am alone, i am all alone, all alone, i have no one, i have nobody"
        ", women and girls safe space, safe space for women, women's safe space, wgss",
        "psikolog, psikologi, konseling, konselor, terapi, terapis, curhat, dukungan emosional, pendampingan "
        "psikologis, kesehatan mental, kesehatan jiwa, trauma, depresi, stres, cemas, kecemasan, panik, sedih, duka, "
        "pemulihan trauma, teman cerita, teman bicara, cerita, mau cerita, pengen cerita, ingin cerita, tempat cerita, "
        "butuh tempat cerita, psikososial, putus asa, merasa putus asa, stres berat, "
        "kesepian, "
        "susah tidur, insomnia, mimpi buruk, galau, sedih terus, "
        "tidak bisa tidur, gak bisa tidur, "
        "trauma masa kecil, dilecehkan waktu kecil, sendirian, ngerasa sendirian, merasa sendiri, gak kuat lagi"
        ", udah gak sanggup, gak sanggup lagi, capek hidup"
        ", hubungan toxic, toxic"
        ", terapi konversi, ruqyah, diruqyah"
        ", gak punya siapa siapa, tidak punya siapa siapa, ga punya siapa siapa, gak punya siapa2"
        ", ruang ramah perempuan, DKJPS",
    ),
    "psychological-first-aid": _t(
        "primeros auxilios psicológicos, PAP, crisis, contención, shock, intervención en crisis"
        ", temblando, no paro de temblar, estoy en shock, tengo mucho miedo, mucho miedo, estoy asustada",
        "primeiros cuidados psicológicos, primeiros socorros psicológicos, crise, choque, intervenção em crise"
        ", tremendo, não paro de tremer, em choque, depois do que aconteceu, assustada",
        "psychological first aid, pfa, crisis support, crisis intervention, shock"
        ", shaking, can't stop shaking, trembling, in shock, after what happened, what happened to me, "
        "freaking out, panicking",
        "pertolongan pertama psikologis, PFA, krisis, syok, intervensi krisis"
        ", gemetar, gemeteran, masih syok, setelah kejadian itu",
    ),
    "individual-counselling": _t(
        "terapia individual, psicoterapia, cita con psicólogo, consulta psicológica, sesiones individuales"
        ", psicólogo, psicóloga, terapeuta, terapia, consejería, psicóloga barata, terapia barata, "
        "terapia de bajo costo, psicóloga gratis, psicóloga violencia, psicólogo violencia, "
        "psicóloga para violencia, psicóloga para víctimas de violencia"
        ", pesadillas, no puedo dormir, insomnio"
        ", trauma, trauma del pasado, todavía tengo trauma, sigo traumada"
        ", psicóloga para mujer trans, psicóloga para personas trans"
        ", mi esposo me engaña, mi esposo me fue infiel, infidelidad",
        "terapia individual, psicoterapia, consulta com psicólogo, sessões individuais"
        ", psicólogo, psicóloga, terapeuta, terapia, psicólogo barato, terapia barata, psicólogo de graça, "
        "psicóloga violência, psicólogo violência, psicóloga para vítima de violência"
        ", pesadelos, não consigo dormir, insônia"
        ", trauma, trauma do passado, ainda tenho trauma, ainda traumatizada"
        ", psicóloga para mulher trans, psicóloga para pessoas trans"
        ", meu marido me traiu, traição do marido, infidelidade",
        "one-to-one counselling, individual therapy, psychotherapy, talk therapy, counselling sessions"
        ", therapist, counselor, counsellor, psychologist, counseling, counselling, therapy, cheap counselor, "
        "cheap therapist, low cost counseling, low cost therapy, affordable therapy, affordable counselor, "
        "sliding scale, sliding scale therapy, free therapy, free counseling, therapist for abuse survivors, "
        "counselor for abuse survivors, counselor for survivors"
        ", nightmares, can't sleep, insomnia, flashbacks"
        ", trauma, trauma from the past, still traumatized, old trauma"
        ", counselor for trans women, therapist for trans people"
        ", my husband is cheating, husband cheated, cheating husband, infidelity",
        "konseling individu, sesi konseling, psikoterapi, konsultasi psikolog"
        ", psikolog, konselor, konseling, terapis, terapi, psikolog murah, konseling murah, konseling gratis, "
        "psikolog gratis, psikolog korban kekerasan, psikolog untuk korban"
        ", mimpi buruk, susah tidur, gak bisa tidur, tidak bisa tidur, insomnia"
        ", trauma, trauma masa lalu, trauma lama"
        ", suami selingkuh, suami saya selingkuh, diselingkuhi, perselingkuhan",
    ),
    "support-groups": _t(
        "grupo de apoyo, grupo de mujeres, círculo de mujeres, grupo de autoayuda, grupo de sobrevivientes, "
        "no tengo amigos, no tengo amigas, sin amigas, hacer amigas, conocer gente",
        "grupo de apoio, roda de conversa, grupo de mulheres, grupo reflexivo, grupo de sobreviventes, "
        "não tenho amigos, não tenho amigas, sem amigas, fazer amizade, conhecer pessoas",
        "support group, peer support, survivors group, women's circle, group therapy, no friends, "
        "don't have friends, make friends, meet people",
        "kelompok dukungan, dukungan sebaya, kelompok penyintas, komunitas penyintas, gak punya teman, cari teman",
    ),
    "mental-health-care": _t(
        "psiquiatra, psiquiatría, medicamentos, pensamientos suicidas, suicidio, quiero morir, trastorno mental, "
        "matarme, suicidarme, quitarme la vida, ganas de morir"
        ", se quiere morir, quiere matarse, habla de suicidarse"
        ", ataque de pánico, crisis de pánico, crisis de ansiedad, ataque de ansiedad"
        ", se corta, se cortó, cortarse, autolesión, autolesiones, se hace daño"
        ", esquizofrenia, bipolar, discapacidad psicosocial"
        ", no quiero vivir, ya no quiero vivir, no quiero vivir más, no le encuentro sentido a la vida",
        "psiquiatra, psiquiatria, CAPS, remédio controlado, suicídio, pensamentos suicidas, transtorno mental, "
        "penso em me matar, me suicidar, suicidar, quero morrer, vontade de morrer"
        ", quer morrer"
        ", crise de ansiedade, crise de pânico, ataque de pânico, síndrome do pânico, medicamentos"
        ", se corta, se cortando, automutilação, autolesão, se machucando de propósito"
        ", esquizofrenia, bipolar, deficiência psicossocial"
        ", não quero viver, não quero continuar vivendo, não aguento mais viver, cansada de viver"
        ", não quero mais viver, nao quero mais viver",
        "psychiatrist, psychiatric care, medication, suicidal, suicide, mental illness, want to die, suicidal thoughts"
        ", wants to die, she wants to die"
        ", panic attack, anxiety attack, panic disorder"
        ", self harm, self-harm, cutting herself, cutting myself, ending it, end it all, end my life, kill myself"
        ", schizophrenia, bipolar, psychosocial disability"
        ", 988, 988 lifeline, suicide and crisis lifeline"
        ", tired of being alive, tired of living, no reason to live"
        ", dont want to live, don't want to live, i dont want to live anymore, dont want to be alive",
        "psikiater, rumah sakit jiwa, obat, bunuh diri, ingin mati, gangguan jiwa, mau mati, pengen mati"
        ", serangan panik, serangan kecemasan"
        ", menyakiti diri sendiri, nyakitin diri sendiri, melukai diri sendiri, self harm, sayat tangan"
        ", skizofrenia, bipolar, ODGJ"
        ", gak mau hidup lagi, tidak mau hidup lagi, nggak mau hidup, ga mau hidup, capek hidup, lelah hidup",
    ),
    "medical-care": _t(
        "médico, médica, doctor, doctora, hospital, clínica, centro de salud, posta médica, consultorio, "
        "urgencias, emergencia, enfermera, atención médica, salud, herida, golpes, lesiones, curación, consulta "
        "médica, ambulancia, puesto de salud, dispensario, EPS, IPS, SIS, IMSS, vacuna, vacunas, vacunación, "
        "dentista, odontólogo, medicamentos, medicinas, remedios, farmacia, receta médica, "
        "me duele, dolor, dolores, fiebre, calentura, sangrado, sangrando, hemorragia, enferma, enfermo, estoy "
        "enferma, pediatra, "
        "moretones, moretón, morados, "
        "dolor de garganta, me duele la garganta"
        ", presión alta, la presión, diabetes, insulina, receta, inhalador",
        "médico, médica, doutor, doutora, hospital, clínica, posto de saúde, UBS, UPA, pronto-socorro, "
        "emergência, enfermeira, atendimento médico, saúde, ferimento, machucado, lesões, SUS, consulta médica, "
        "ambulância, vacina, vacinação, dentista, remédio, remédios, medicamentos, farmácia, receita, "
        "dor, estou com dor, febre, sangramento, sangrando, hemorragia, doente, estou doente, pediatra, "
        "roxo, roxa, hematoma, postinho, dor de dente, dor de cabeça, dor de barriga, tosse, gripe, "
        "dor de garganta"
        ", pressão alta, remédio de pressão, diabetes, insulina, bombinha",
        "doctor, hospital, clinic, health clinic, nurse, medical, medical care, emergency room, urgent care, "
        "injury, injuries, health care, physician, gp, ambulance, wounds, checkup, bruises, vaccine, vaccination, "
        "dentist, dental, medicine, medication, pharmacy, prescription, "
        "pain, in pain, fever, bleeding, hemorrhage, sick, feeling sick, pediatrician, "
        "bruised, toothache, tooth pain, headache, stomach pain, cough, flu, shots, immunizations, checkup for my "
        "baby, "
        "sore throat, throat hurts, my throat hurts"
        ", meds, my meds, blood pressure, high blood pressure, diabetes, insulin, refill, prescription refill, "
        "inhaler",
        "dokter, rumah sakit, RS, puskesmas, klinik, perawat, layanan kesehatan, berobat, periksa, luka, cedera, "
        "memar, IGD, UGD, ambulans, pengobatan, kesehatan, medis, mantri, vaksin, imunisasi, dokter gigi, obat, "
        "apotek, resep, BPJS, JKN, KIS, RSUD, RSUP, "
        "sakit, nyeri, demam, pendarahan, perdarahan, berdarah, dokter anak, kesakitan, "
        "lebam, badan biru, "
        "sakit tenggorokan"
        ", darah tinggi, obat darah tinggi, diabetes, gula darah, insulin",
    ),
    "clinical-management-of-rape": _t(
        "violación, me violaron, abuso sexual, agresión sexual, kit de violación, profilaxis, PEP, anticoncepción "
        "de emergencia, pastilla del día siguiente, pastiya del día siguiente, 72 horas, me abusaron, abusaron de mí, "
        "violada, me violó, agredida sexualmente, me forzó, manoseo, tocamientos, me tocaron, me manosearon"
        ", me drogaron, abusaron de mí en una fiesta, agredida en una fiesta"
        # A condom taken off without her consent (stealthing)
        ", se quitó el condón, se sacó el condón, se quitó el preservativo, stealthing"
        # French and Haitian Creole
        ", violée, on m'a violée, kadejak",
        "estupro, fui estuprada, estrupo, violência sexual, abuso sexual, profilaxia, PEP, pílula do dia "
        "seguinte, anticoncepção de emergência, 72 horas, me tocou, me apalpou, passou a mão em mim"
        ", me drogaram, abusaram de mim numa festa"
        ", tirou a camisinha, tirou a camisinha escondido, stealthing"
        ", minha amiga foi estuprada, estupraram minha amiga",
        "rape, sexual assault, post-rape care, pep, post-exposure prophylaxis, rape kit, emergency contraception, "
        "72 hours, groped, touched me, molested"
        ", assaulted, got assaulted, sexually assaulted, assaulted at a party, drugged, drugged at a party, "
        "roofied, date rape, raped"
        ", took the condom off, took off the condom, removed the condom, stealthing"
        ", cmr, cmr services, my friend was raped, friend got raped",
        "perkosaan, diperkosa, pemerkosaan, kekerasan seksual, pelecehan seksual, PEP, kontrasepsi darurat, 72 jam, "
        "diraba, dicabuli, pencabulan"
        ", dicekoki, diperkosa di pesta, teman saya diperkosa"
        ", lepas kondom, melepas kondom diam-diam, kondom dilepas, stealthing",
    ),
    "emergency-medical-care": _t(
        "urgencias, emergencias, guardia, sala de emergencia, ambulancia, "
        "fractura, hueso roto, brazo roto, pierna rota, me rompí el brazo, me quebré el brazo, puntadas, "
        "estrangulamiento, me ahorcó, me estranguló"
        ", me pateó la barriga, me pateó el estómago, me rompió la boca, me partió la boca, boca rota, "
        "labio roto, diente roto, me rompió un diente, vómito, vomitando, emergencia"
        ", me quemó, quemadura, quemaduras"
        ", nariz rota, me rompió la nariz, me quebró la nariz, ojo morado, me dejó el ojo morado, cara hinchada, "
        "me reventó la boca, boca reventada, costilla rota, me rompió una costilla"
        # Acid, a knife, fire: an attack treated at once
        ", ácido, me tiró ácido, me echó ácido, ataque con ácido, me apuñaló, puñalada, me acuchilló, cuchillada, "
        "herida de cuchillo, me echó gasolina, me prendió fuego",
        "pronto-socorro, UPA, emergência, plantão, ambulância, "
        "fratura, osso quebrado, braço quebrado, perna quebrada, quebrei o braço, levar pontos, "
        "estrangulamento, me enforcou, me estrangulou"
        ", chutou minha barriga, chute na barriga, soco na barriga, cortou minha boca, boca cortada, "
        "lábio cortado, dente quebrado, quebrou meu dente, pancada na cabeça, tonta, vomitando, braço inchado, "
        "inchado, inchada"
        ", inxado, inxada, braço inxado"
        ", me queimou, queimadura, queimaduras"
        ", nariz quebrado, quebrou meu nariz, olho roxo, rosto inchado, costela quebrada, quebrei uma costela, "
        "quebrou minha costela"
        ", ácido, jogou ácido, ataque com ácido, me esfaqueou, facada, levei uma facada, jogou gasolina, ateou fogo, "
        "tacou fogo em mim, água fervendo",
        "emergency room, er, a&e, urgent care, ambulance, "
        "broken bone, broken arm, broken leg, broke my arm, broke my leg, fracture, stitches, strangled, "
        "strangulation, choked me"
        ", punched my stomach, split lip, busted lip, broke my tooth, broken tooth, knocked my tooth out, "
        "bleeding mouth, head injury, dizzy, vomiting, throwing up, concussion"
        ", burned me, he burned me, burns, burn injury"
        ", black eye, broken nose, broke my nose, broken rib, broke my rib, swollen, swelling"
        ", acid, acid attack, threw acid, stabbed me, stabbed, stab wound, knife wound, set me on fire, set on fire",
        "IGD, UGD, gawat darurat, ambulans, patah tulang, tangan patah, kaki patah, jahit luka, dicekik"
        ", perut ditendang, ditendang perutnya, bibir sobek, gigi patah, kepala terbentur, pusing, muntah, "
        "muntah muntah, bengkak, gak bisa digerakin"
        ", luka bakar, disiram air panas, kena air panas"
        ", hidung patah, hidung berdarah, rusuk patah, tulang rusuk patah, mata lebam, muka lebam"
        ", disiram air, ditusuk, ditusuk pisau, luka tusuk, dibacok",
    ),
    "forensic-examination": _t(
        "examen médico legal, medicina legal, legista, médico forense, peritaje, dictamen médico, constatación de "
        "lesiones",
        "exame de corpo de delito, corpo de delito, IML, perícia, médico legista",
        "forensic exam, rape kit, sane nurse, evidence collection, medical evidence",
        "visum, visum et repertum, forensik, bukti medis, dokter forensik",
    ),
    "sexual-reproductive-health": _t(
        "salud sexual, salud reproductiva, ginecólogo, ginecóloga, ginecología, anticonceptivos, "
        "planificación familiar, pastilla del día siguiente, pastiya del día siguiente, "
        "condones, preservativos, VIH, ITS, ETS, prueba de embarazo, aborto, interrupción legal del embarazo, "
        "ILE, menstruación"
        ", papanicolau, papanicolaou, citología, citología vaginal, examen de papanicolau",
        "saúde sexual, saúde reprodutiva, ginecologista, gineco, "
        "anticoncepcional, métodos contraceptivos, planejamento familiar, pílula do dia seguinte, "
        "camisinha, preservativo, HIV, IST, DST, teste de gravidez, aborto legal, menstruação"
        ", papanicolau, exame preventivo, fazer o preventivo, citologia",
        "sexual health, reproductive health, gynecologist, obgyn, "
        "birth control, contraception, family planning, morning after pill, plan b, condoms, HIV, STI, "
        "STD, pregnancy test, abortion, menstrual"
        ", pap smear, pap test, cervical screening",
        "kesehatan reproduksi, kespro, kesehatan seksual, dokter kandungan, obgyn, "
        "keluarga berencana, kontrasepsi, pil KB, kondom, HIV, "
        "IMS, tes kehamilan, aborsi, menstruasi, haid, "
        "tespek, test pack, testpack"
        ", pap smear, tes pap smear, tes IVA, papsmear",
    ),
    "family-planning": _t(
        "anticonceptivos, planificación, DIU, implante, inyección anticonceptiva, pastillas anticonceptivas, "
        "ligadura de trompas, vasectomía"
        ", pastilla del día siguiente, anticoncepción de emergencia"
        ", IVE, ILE, interrupción voluntaria del embarazo, interrupción legal del embarazo"
        ", no quiero tener el bebé, no quiero estar embarazada, embarazo no deseado",
        "anticoncepcional, DIU, implante, injeção anticoncepcional, pílula, colocar DIU, laqueadura, ligadura, "
        "vasectomia"
        ", pílula do dia seguinte, anticoncepção de emergência"
        ", não quero ter esse filho, não quero ter o bebê, não quero engravidar, gravidez indesejada",
        "contraception, birth control, iud, implant, the pill, contraceptive injection, tubes tied, "
        "tubal ligation, vasectomy"
        ", morning after pill, plan b, emergency contraception"
        ", don't want this baby, don't want to be pregnant, don't want to get pregnant, unwanted pregnancy",
        "KB, pil KB, spiral, IUD, implan, suntik KB, pasang KB, KB suntik, KB spiral, pasang spiral, steril, "
        "tubektomi, vasektomi"
        ", kontrasepsi darurat, pil kontrasepsi darurat, pil darurat"
        ", gak mau hamil, tidak mau hamil",
    ),
    "hiv-sti-services": _t(
        "VIH, sida, ITS, ETS, prueba rápida, prueba de VIH, PrEP, PEP, "
        "me contagiaron, contagio, infección de transmisión sexual, enfermedad venérea, sífilis, VPH, "
        "papiloma, flujo, flujo vaginal, ardor al orinar, comezón, "
        "clamidia, gonorrea, herpes, tricomonas",
        "HIV, aids, IST, DST, teste rápido, teste de HIV, PrEP, PEP, "
        "peguei uma doença, doença venérea, corrimento, sífilis, HPV, ardência ao urinar, coceira, "
        "clamídia, gonorreia, herpes, tricomoníase",
        "HIV, AIDS, STI, STD, HIV test, STI testing, PrEP, PEP, std test, std testing, caught something, syphilis, "
        "hpv, discharge, burning when i pee, itching down there, "
        "chlamydia, gonorrhea, the clap, herpes, trich"
        ", sex worker clinic, clinic for sex workers, sex worker friendly clinic",
        "HIV, AIDS, IMS, tes HIV, VCT, PrEP, penyakit kelamin, keputihan, sifilis, raja singa, HPV, "
        "klamidia, gonore, kencing nanah, herpes, PEP",
    ),
    "maternal-health": _t(
        "embarazo, embarazada, prenatal, control prenatal, parto, posparto, lactancia, partera, "
        "médico del embarazo, doctor del embarazo, me dejó embarazada, embarazada y sola"
        ", me pateó la barriga embarazada"
        # French and Haitian Creole
        ", enceinte, ansent"
        ", ultrasonido, ecografía, eco del bebé, ultrasonido del embarazo"
        ", perdí a mi bebé, perdí el bebé, perdí mi bebé, aborto espontáneo, pérdida del embarazo, "
        "pérdida gestacional, bebé nació muerto",
        "gravidez, grávida, gestante, pré-natal, parto, pós-parto, amamentação, "
        "médico do pré-natal, médico da gravidez, consulta pré-natal, me deixou grávida, grávida e sozinha"
        ", ultrassom, ultrassonografia, ecografia, ultrassom do bebê"
        ", perdi meu bebê, perdi o bebê, perdi o neném, aborto espontâneo, perda gestacional, bebê nasceu morto"
        ", buchuda, tô buchuda",
        "pregnancy, pregnant, prenatal, antenatal, postpartum, breastfeeding, midwife, "
        "pregnancy doctor, prenatal doctor, prenatal checkup, prenatal care, prenatal visit, left me pregnant, "
        "pregnant and alone"
        ", ultrasound, sonogram, baby scan"
        ", lost my baby, lost the baby, miscarriage, miscarried, had a miscarriage, pregnancy loss, stillbirth, "
        "stillborn",
        "hamil, kehamilan, bidan, melahirkan, nifas, menyusui, posyandu, ibu hamil, dokter kehamilan, "
        "hamil di luar nikah, hamil duluan, persalinan, periksa kehamilan, cek kandungan, periksa kandungan, "
        "ditinggal pas hamil, "
        "hamil sendirian"
        ", perut ditendang pas hamil"
        ", USG, usg kehamilan, cek USG"
        ", keguguran, bayi meninggal, kehilangan bayi, bayi lahir mati",
    ),
    "legal-aid": _t(
        "abogado, abogada, licenciado, licenciada, asesoría legal, asesoría jurídica, ayuda legal, asistencia "
        "legal, defensoría, defensor público, defensora pública, orientación legal, jurídico, consultorio "
        "jurídico, trámites legales, juicio, demanda, derechos, ley, juzgado, tribunal, bufete popular, personería, "
        "defensoría del pueblo, procuraduría, "
        "no me paga, no me pagan, no me pagaron, sueldo, salario, derechos laborales, inspección de trabajo, "
        "patrón, patrona"
        ", mi empleador, empleador"
        ", me descuentan del sueldo, descuentos del sueldo, deuda con la agencia"
        ", herencia, viuda"
        ", me despidieron, despido, despido injustificado, me corrieron "
        "del trabajo, lo detuvieron, está detenido, está preso",
        "advogado, advogada, defensoria pública, defensor público, defensora pública, assistência jurídica, "
        "assessoria jurídica, orientação jurídica, ajuda jurídica, jurídico, núcleo de prática jurídica, "
        "processo, ação judicial, justiça, direitos, lei, juiz, fórum, Lei Maria da Penha, "
        "não me pagou, não me paga, salário atrasado, salário, direitos trabalhistas, patrão, "
        "patroa"
        ", patrão me maltrata"
        ", descontam do salário, desconto no salário, dívida com a agência"
        ", herança, viúva"
        ", fui demitida, demissão, foi preso, está preso, está detido"
        ", não me pagaram, não me pagam, me devem o salário",
        "lawyer, attorney, legal aid, legal advice, legal help, legal assistance, legal representation, "
        "paralegal, public defender, pro bono, law clinic, court, rights, solicitor, legal counsel, legal, "
        "didn't pay me, not paying me, unpaid wages, wage theft, owed wages, workers' rights"
        ", wage deductions, deducted from my pay, debt bondage, agency debt"
        ", inheritance, widow, in-laws"
        ", got fired, fired me, wrongful termination, unfair dismissal, got "
        "arrested, in jail",
        "pengacara, advokat, kuasa hukum, bantuan hukum, LBH, konsultasi hukum, penasihat hukum, paralegal, pos "
        "bantuan hukum, posbakum, pengadilan, sidang, gugatan, hak, hukum, LBH APIK, "
        "gaji tidak dibayar, gaji ga dibayar, gaji ditahan, hak pekerja, disnaker, "
        "majikan"
        ", gaji dipotong, potongan gaji, potong gaji, jeratan utang, utang ke agen, bayar utang ke agen"
        ", pendampingan hukum"
        ", gaji belum dibayar"
        ", warisan, harta warisan"
        ", dipecat, ditangkap polisi, ditahan polisi, dipenjara",
    ),
    "protection-orders": _t(
        "orden de protección, orden de alejamiento, orden de restricción, medidas de protección, prohibición de "
        "acercamiento, que no se me acerque, que no se acerque, alejamiento, restricción, "
        "se aparece en mi casa, se aparece en mi trabajo, llega a mi trabajo"
        ", medida de protección urgente, comisaría de familia"
        ", protección, protección contra mi expareja"
        ", no quiero verlo nunca más, no quiero que se me acerque"
        ", quiero que él se vaya, que lo saquen de la casa, sacarlo de la casa",
        "medida protetiva, medida protetiva de urgência, afastamento do agressor, Lei Maria da Penha, afastamento, "
        "medida de afastamento, Maria da Penha, "
        "aparece no meu trabalho, aparece na minha casa, fica rondando minha casa"
        ", medida protetiva urgente"
        ", proteção"
        ", não quero ver ele nunca mais, não quero que ele chegue perto de mim"
        ", quero que ele saia de casa, tirar ele de casa",
        "restraining order, protective order, protection order, no contact order, keep away, keep him away, stay away "
        "order, "
        "keeps showing up, shows up at my house, shows up at my work, shows up at my job"
        ", peace bond, peace bond against, epo, order of protection, restraining order on a weekend"
        ", protection"
        ", tro, temporary restraining order, tpo, temporary protective order"
        ", don't want him near me, never want to see him again"
        ", i want him out, get him out",
        "perintah perlindungan, larangan mendekat, perlindungan korban, perlindungan dari pelaku, perlindungan dari "
        "suami, perlindungan dari mantan suami, "
        "datang terus ke rumah, datang ke tempat kerja, nyamperin ke tempat kerja"
        ", surat perlindungan"
        ", perlindungan, perlindungan dari pacar"
        ", perintah perlindungan kdrt"
        ", gak mau ketemu dia lagi, tidak mau ketemu dia lagi, tidak mau dia datang lagi",
    ),
    "criminal-justice": _t(
        "denuncia, denunciar, poner una denuncia, fiscalía, ministerio público, juicio penal, agresor, "
        "acompañamiento a juicio, fotos íntimas, difundió mis fotos, subió mis fotos, Ley Olimpia, no me creyeron, "
        "la policía no hizo nada, no me tomaron la denuncia, no quisieron tomar mi denuncia"
        ", dónde denunciar, cómo denunciar, me estafaron, estafa"
        ", retirar la denuncia"
        ", me robaron, robo, asalto, me asaltaron, fui robada, me robaron todo, me robaron los papeles"
        ", feminicidio, intento de feminicidio, tentativa de feminicidio"
        # Sexual harassment on the street, on public transport and by a driver: a crime to report
        ", me manosearon en el metro, me tocaron en el metro, me tocaron en el bus, me tocaron en el camión, el "
        "taxista me tocó, el chofer me tocó, acoso en el transporte, acoso en el metro, acoso callejero, acoso en la "
        "calle",
        "denúncia, denunciar, boletim de ocorrência, BO, processo criminal, ministério público, audiência, "
        "fotos íntimas, vazou minhas fotos, espalhou minhas fotos, espalhou fotos íntimas, espalhou meus nudes, "
        "vazamento de nudes, "
        "não acreditaram em mim, a polícia não fez nada, não quiseram registrar, não registraram meu BO"
        ", onde denunciar, como denunciar, fui enganada, pix pra apagar"
        ", retirar a queixa, retirar a denúncia"
        ", me roubaram, fui roubada, roubo, assalto, fui assaltada, roubaram tudo, roubaram meus documentos"
        ", feminicídio, tentativa de feminicídio"
        ", se esfregou em mim, encoxada, encoxou, assédio no ônibus, assédio no metrô, importunação sexual, "
        "motorista de aplicativo me assediou, motorista me assediou, assédio na rua",
        "report, press charges, police report, prosecution, criminal case, court accompaniment, victim advocate, "
        "intimate images, revenge porn, leaked my nudes, posted my nudes, "
        "didn't believe me, police didn't believe me, police did nothing, cops did nothing, wouldn't take my report"
        ", where to report, how to report, scammed, scam"
        ", report assault, report an assault, report sexual assault"
        ", drop the charges, withdraw the complaint"
        ", robbed, got robbed, i was robbed, mugged, robbery, stole everything, stole my documents"
        ", femicide, feminicide, attempted femicide, attempted murder"
        ", groped me on the subway, groped on the subway, uber driver assaulted me, taxi driver assaulted me, driver "
        "assaulted me, street harassment, catcalling",
        "lapor, melapor, laporan polisi, pengaduan, tuntutan, jaksa, pidana, melaporkan, foto bugil, nyebarin "
        "foto bugil, sebar foto bugil, video syur, UU ITE, "
        "polisi gak percaya, laporan ditolak, laporan gak diproses, laporan tidak ditanggapi"
        ", lapor ke mana, cara lapor, mau lapor, ditipu, penipuan, revenge porn"
        ", cabut laporan, mencabut laporan, lapor kekerasan"
        ", dirampok, kena rampok, dijambret, kecopetan, dicopet, perampokan, dokumen dicuri"
        ", femisida, feminisida, pembunuhan perempuan, percobaan pembunuhan",
    ),
    "asylum-migration": _t(
        "asilo, refugiado, refugiada, solicitud de refugio, papeles, documentos, regularización, permiso "
        "de permanencia, PPT, visa, residencia, migración, deportación, ACNUR, estatus migratorio, regularizarme, sin "
        "papeles, indocumentada, indocumentado, carné de extranjería, carnet de extranjería, cédula de extranjería, "
        "CPP, INM, tarjeta de visitante por razones humanitarias, pasaporte, estatuto temporal de protección, "
        "permiso por protección temporal, protección temporal, TPS, "
        "cédula, DNI, CURP, sacar mis papeles, perdí mis documentos, me robaron los documentos, pasaporte "
        "vencido, me quieren deportar, detenido por migración, detención migratoria, permiso de trabajo, "
        "permiso para trabajar, COMAR, pedir refugio, pido refugio, solicitar refugio"
        ", amenaza con deportarme, me quiere hacer deportar"
        ", se quedó con mi pasaporte"
        # French and Haitian Creole
        ", papiers, sans papiers, papye"
        ", acta de nacimiento, partida de nacimiento, registro civil"
        ", no quiero volver a mi país, no quiero regresar a mi país, no puedo volver a mi país"
        # A child with no nationality (statelessness)
        ", apatridia, apátrida, riesgo de apatridia, nacionalidad, sin nacionalidad",
        "refúgio, refugiado, refugiada, pedido de refúgio, documentos, regularização migratória, autorização de "
        "residência, CRNM, visto, Polícia Federal, deportação, ACNUR, estrangeiro, estrangeira, estrangeiros, "
        "cpf, rg, tirar documento, tirar documentos, segunda via, protocolo de refúgio, passaporte vencido, "
        "RNM, renovar documento, renovar visto, renovar protocolo, autorização de trabalho, CONARE, pedir "
        "refúgio, carteira de trabalho, CTPS"
        ", reteve meu passaporte"
        ", certidão de nascimento, registro de nascimento, registrar meu filho"
        ", não quero voltar pro meu país, não quero voltar para o meu país, não posso voltar pro meu país"
        ", apatridia, apátrida, nacionalidade, sem nacionalidade",
        "asylum, refugee status, immigration, immigration lawyer, visa, papers, documents, deportation, u visa, t "
        "visa, vawa, green card, UNHCR, undocumented, no papers, immigration status, "
        "id card, lost my id, ssn, social security number, detained, detention, immigration detention, ice,"
        " expired passport, work permit, renew my visa, renew my papers, renewal"
        ", says he'll get me deported, get me deported"
        ", birth certificate, birth certificates"
        ", don't want to go back to my country, can't go back to my country, don't want to return to my country"
        ", stateless, statelessness, nationality, no nationality, citizenship",
        "suaka, pencari suaka, pengungsi, status pengungsi, UNHCR, imigrasi, dokumen, visa, deportasi, paspor, "
        "ktp, e-ktp, kartu identitas, akta lahir, kitas, kartu pengungsi, paspor mati, paspor habis, visa "
        "habis, overstay, ditahan imigrasi, rudenim, izin kerja"
        ", mau dilaporin imigrasi"
        ", paspor diambil, paspor ditahan agen, paspor disita"
        ", akta kelahiran, akte kelahiran, akte lahir"
        ", tidak mau pulang ke negara asal, gak mau pulang ke negara asal, tidak bisa pulang ke negara asal"
        ", tanpa kewarganegaraan, tidak punya kewarganegaraan, kewarganegaraan, stateless, surat lahir",
    ),
    "family-law": _t(
        "divorcio, separación, custodia, custodia de los hijos, tenencia de los hijos, pensión alimenticia, "
        "alimentos, cuota alimentaria, manutención, patria potestad, régimen de visitas, comisaría de familia, "
        "no me deja ver a mis hijos, no me deja ver a los niños, quitarme a mis hijos, visitas"
        ", divorcio gratis"
        ", no me da para los gastos"
        ", se llevó a mi bebé, se llevó a mis hijos, se llevó a los niños, se llevó a la niña"
        ", pensión, no me pasa la pensión, no pasa la pensión"
        ", reconocimiento de paternidad, prueba de paternidad, demanda de paternidad, que reconozca a mi "
        "hijo, no quiere reconocer a mi hijo"
        ", quitarme a los niños, quitar a los niños, me quiere quitar a los niños, quitarme los niños, "
        "quitarme a mis hijas, perder a mis hijos, perder la custodia"
        # A child taken by the other parent, at home or abroad (the Hague Convention's return)
        ", sustracción de menores, sustracción internacional, restitución internacional, Convenio de La Haya, no me "
        "lo devuelve, no me la devuelve, no me devuelve a mi hijo, se lo llevó a otro país"
        # A union never registered: her rights at the separation
        ", unión libre, unión de hecho, unión marital de hecho, concubinato, no estamos casados",
        "divórcio, separação, guarda dos filhos, guarda das crianças, guarda, pensão alimentícia, pensão, visitas, "
        "separar, me separar, "
        "não deixa eu ver meus filhos, não me deixa ver meus filhos, visita dos filhos, tirar meus filhos, "
        "me largou, me abandonou"
        ", divórcio de graça"
        ", não me dá pensão"
        ", levou meu bebê, levou meus filhos, levou as crianças"
        ", pode tirar meus filhos, tirar as crianças de mim"
        ", reconhecimento de paternidade, teste de DNA, exame de DNA, investigação de paternidade, não quer "
        "registrar meu filho"
        ", tirar as crianças, tirar os meninos, quer tirar meus filhos, perder meus filhos, perder a guarda"
        ", subtração internacional, sequestro internacional de criança, sequestro internacional, Convenção de Haia, "
        "não quer devolver, não devolve meu filho, levou meu filho, levou minha filha"
        ", união estável, reconhecimento de união estável, dissolução de união estável, não somos casados",
        "divorce, custody, custody of my children, child support, alimony, separation, visitation, "
        "visitation rights, custody of my kids, "
        "he left me, left me with nothing, abandoned"
        ", can't afford a divorce, free divorce, cheap divorce"
        ", parental abduction, parental kidnapping"
        ", paternity, paternity test, establish paternity, dna test"
        ", take my kids away, take the kids away, take my children away, threatens to take the kids"
        ", lose my kids, lose my children, lose custody"
        ", child abduction, international child abduction, hague convention, took my kids, took the kids, won't "
        "return my kids, can't pick up the kids, pick the kids up from school"
        ", common law, common law wife, common law partner, not married, not legally married, we're not married",
        "cerai, perceraian, hak asuh, hak asuh anak, nafkah, nafkah anak, pengadilan agama, "
        "ketemu anak, gak boleh ketemu anak, rebutan anak, anak dibawa suami, "
        "ditinggal suami, ditelantarkan suami"
        ", cerai gratis"
        ", gak dinafkahi, gak dikasih nafkah, suami gak ngasih nafkah, tidak dinafkahi"
        ", bisa ambil anak, hak asuh anak"
        ", pengakuan anak, tes DNA, tidak menafkahi, suami tidak menafkahi, tidak mau mengakui anak"
        ", ambil anak saya, mau ambil anak, merebut anak, rebut anak, kehilangan hak asuh anak"
        ", anak dibawa kabur, bawa kabur anak, dibawa kabur mantan, diculik ayahnya, bawa anak ke luar negeri, "
        "penculikan anak oleh orang tua"
        ", nikah siri, isbat nikah, itsbat nikah, buku nikah, akta nikah, tidak punya buku nikah",
    ),
    "case-management": _t(
        "gestión de casos, trabajadora social, trabajador social, acompañamiento, acompañante, seguimiento de "
        "caso, atención integral, ruta de atención, derivación, remisión, centro de atención, CEM, centro "
        "emergencia mujer, centro de justicia para las mujeres, asistente social, promotora"
        ", visita domiciliaria, visita a domicilio"
        ", salí de la cárcel, recién salida de la cárcel, salí de prisión"
        ", sin policía, sin la policía, sin denunciar, no quiero denunciar"
        ", no quiero denunciar a la policía, no quiero poner la denuncia"
        ", no quiero llamar a la policía, no quiero meter a la policía, no quiero involucrar a la policía",
        "gestão de casos, assistente social, serviço social, acompanhamento, encaminhamento, rede de atendimento, "
        "atendimento integral, CREAS, CRAS, centro de referência, casa da mulher brasileira, técnica de "
        "referência, plano de atendimento, acolhida, rede de proteção"
        ", visita domiciliar"
        ", egressa, egressa do sistema prisional, saí da prisão, ex-presidiária"
        ", sem polícia, sem a polícia, sem denunciar, não quero denunciar"
        ", não quero denunciar na polícia, não quero ir na delegacia, não quero fazer boletim de ocorrência"
        ", não quero chamar a polícia, não quero ligar pra polícia, não quero ligar para a polícia, "
        "não quero envolver a polícia",
        "case management, case manager, case worker, caseworker, social worker, advocate, victim advocate, "
        "referral, referrals, follow-up, one-stop center, integrated services, service coordination, care plan, "
        "intake"
        ", just released from prison, out of prison, formerly incarcerated"
        ", without police, without the police, no police, no cops, without reporting"
        ", don't want to report, don't want to press charges"
        ", don't want to call the police, don't want to call the cops, don't want the cops involved, "
        "don't want the police involved, don't want to involve the police, don't want him arrested",
        "manajemen kasus, manajer kasus, pekerja sosial, peksos, pendamping, pendampingan, pendamping korban, "
        "rujukan, merujuk, UPTD PPA, P2TP2A, layanan terpadu, penanganan kasus, pusat layanan, tindak lanjut"
        ", mantan napi, baru keluar penjara"
        ", tanpa polisi, tanpa lapor, gak mau lapor, nggak mau lapor, tidak mau lapor, tidak mau melapor"
        ", gak mau lapor polisi, tidak mau lapor polisi, tidak mau pergi ke polisi, gak mau pergi ke polisi"
        ", gak mau telepon polisi, tidak mau telepon polisi, tidak mau melibatkan polisi, gak mau melibatkan polisi",
    ),
    "gbv-case-management": _t(
        "violencia de género, VBG, violencia doméstica, violencia intrafamiliar, violencia de pareja, mi pareja me "
        "pega, mi esposo me pega, mi marido me pega, maltrato, me golpea, me maltrata, golpes, golpeada, mi novio me "
        "pega, mi novio me maltrata, trata de personas, trata, explotación sexual, me pegó, me golpeó, me pegaron, "
        "me agredió, me lastimó, violencia familiar, violencia machista, "
        "acoso sexual, hostigamiento sexual, acoso laboral, mi jefe me acosa, trabajo forzado, me quitaron "
        "el pasaporte, "
        "me obliga a tener relaciones, me obliga a tener sexo, violación en el matrimonio, me quita el "
        "dinero, violencia económica, me revisa el celular, no me deja salir, me controla, celos, "
        "no me deja ver a mis amigas, no me deja ver a mi familia, "
        "me encierra, me tiene encerrada, me cela, "
        "fotos íntimas, videos íntimos, subió mis fotos, publicó mis fotos, difundió mis fotos, sextorsión, "
        "me insulta, me grita, me humilla, violencia psicológica, toma y se pone violento, "
        "me ahorcó, me quiso ahorcar, me estranguló, me apretó el cuello, matrimonio forzado, me quieren casar "
        "a la fuerza, me obligan a casarme, casarme a la fuerza, me acosa en el trabajo, acoso en el trabajo, "
        "mi jefe me manosea, mi patrón me toca, mi hombre me pega, mi jefe me toca, me toca en el trabajo, el "
        "patrón me quitó el pasaporte"
        ", me cayó a golpes"
        ", se gasta el dinero que le mando, se gastó mis remesas, remesas"
        ", maltrato a adultos mayores, maltrato de personas mayores, abuso de ancianos, maltratan a mi "
        "abuela, le pegan a mi abuela, le pega a mi abuela"
        ", violentada por su pareja, violentada por mi pareja"
        # French and Haitian Creole, as Haitian women in Mexico and Brazil type them
        ", il me frappe, mon mari me frappe, mari m bat mwen"
        ", vyolans, viktim vyolans"
        ", violencia digital, violencia en línea, acoso en línea, ciberacoso, me hackearon, hackearon mi cuenta"
        ", me hackeó, me jaquearon, perfil falso, cuenta falsa, perfil fake, deepfake"
        ", me madrea, me madreó, me madrearon, me cascó, me casca, marido borracho, borracho agresivo"
        ", se emborracha y me pega"
        ", CJM, centro de justicia para las mujeres, centro de justicia para mujeres"
        ", maltrata a mi abuela, maltratan a mi abuelita, maltrato a mi abuela, maltrato a personas mayores"
        ", no me deja trabajar, no me deja estudiar"
        ", me quitó el celular, me quita el celular, me quitó el teléfono, me rompió el celular, me escondió el "
        "celular, no me deja usar el celular"
        ", mi casero me acosa, el dueño de la casa me acosa, el arrendador me acosa, me obligó a abortar, "
        "aborto forzado, mis suegros me maltratan"
        ", me jode, me jode la vida, me dio una pela, una pela, pela, me cae a golpes"
        ", cachetada, cachetadas, me dio una cachetada, bofetada, trancazos, madriza, golpiza"
        ", me jaló el cabello, me jaló del cabello, me vergueó, vergueada, me sonó mi marido"
        ", violento, violenta, mi esposo es violento, agresivo, agresiva, se pone agresivo, celoso, muy celoso"
        ", violencia, agresión, víctima, víctimas, soy víctima"
        ", me empujó, me empuja, me tiró del pelo, me jaló el pelo, me jaló del pelo"
        # Sex asked for in exchange for aid, by an aid worker or an official (sexual exploitation and abuse)
        ", me pidió sexo, me piden sexo, me pide sexo, favores sexuales, el que reparte la ayuda me acosa"
        # Abuse by a pastor or a priest (the pastor who tells her to forgive him is information on her rights)
        ", el pastor abusó de mí, el pastor me tocó, el pastor me acosa, el cura me tocó, el cura abusó de mí, "
        "abuso en la iglesia, abuso sexual en la iglesia"
        # Female genital mutilation or cutting, suffered or feared for a daughter
        ", mutilación genital, mutilación genital femenina, mutilación, MGF, ablación, ablación femenina, "
        "circuncisión femenina, circuncidar, corte genital"
        # Femicide: a sister or a daughter killed by her partner, an attempt survived
        ", mataron a mi hermana, la mató su pareja, la mató su esposo"
        # Sex workers facing violence from clients and pimps
        ", proxeneta, padrote, me prostituye, me obliga a prostituirme",
        "violência doméstica, violência contra a mulher, VBG, agressão, meu marido me bate, meu companheiro me bate, "
        "me agride, me bate, apanho do meu marido, meu namorado me bate, agressor, tráfico de pessoas, exploração "
        "sexual, me bateu, me agrediu, apanhei, violência familiar, "
        "assédio no trabalho, meu chefe me assedia, assédio moral, trabalho escravo, trabalho forçado, "
        "me obriga a transar, me obriga a ter relação, me força a transar, estupro marital, pega meu "
        "dinheiro, controla meu dinheiro, violência patrimonial, violência financeira, mexe no meu celular, "
        "não me deixa sair, ciúme, me controla, não me deixa ver minhas amigas, não me deixa ver minha família, "
        "me tranca em casa, me prende em casa, me deixa trancada, "
        "minha amiga apanha, ajudar uma amiga, minha irmã apanha do marido, "
        "fotos íntimas, nudes, vazou minhas fotos, postou minhas fotos, fotos pelada, vazamento de nudes, "
        "sextorsão, me xinga, xingamentos, me humilha, grita comigo, violência psicológica, bebe e fica violento, "
        "me enforcou, tentou me enforcar, me estrangulou, apertou meu pescoço, casamento forçado, me obrigam a "
        "casar, casar à força, me assedia no trabalho, "
        "patrão passa a mão em mim, chefe passa a mão em mim, patrão me assedia, meu homem me bate, "
        "espalhou minhas fotos, espalhou fotos íntimas, espalhou meus nudes, meu chefe me toca, chefe passa a mão, "
        "patrão pegou meu "
        "passaporte"
        ", maus-tratos a idosos, maus-tratos contra idosa, idosa agredida, minha vó apanha, minha avó apanha,"
        " bate na minha avó, bate na minha vó"
        ", violentada pelo companheiro, violentada pelo marido"
        ", violência digital, violência online, hackearam, me hackearam, hackearam minha conta"
        ", whatsapp clonado, clonaram meu whatsapp, perfil fake, perfil falso, conta fake, deepfake"
        ", maltrata minha avó, maus-tratos contra idosa, violência contra idosa"
        ", não me deixa trabalhar, não deixa eu trabalhar"
        ", pegou meu celular, tomou meu celular, pegou meu telefone, quebrou meu celular, escondeu meu celular, "
        "não me deixa usar o celular"
        ", violento, violenta, meu marido é violento, agressivo, agressiva, fica agressivo, ciumento, ciumenta, "
        "muito ciumento, violência, vítima, vítimas, sou vítima"
        ", me empurrou, me empurra, me puxou pelo cabelo, puxou meu cabelo"
        ", o dono da casa me assedia, senhorio me assedia, proprietário me assedia, me obrigou a abortar, "
        "aborto forçado, meus sogros me maltratam"
        ", tapa, tapas, tabefe, bofetada, surra, me deu uma surra, soco, socos, puxou meu cabelo"
        ", pediu sexo, pede sexo, sexo em troca de ajuda, favores sexuais"
        ", pastor abusou, o padre me tocou, padre abusou, abuso na igreja, abuso sexual na igreja"
        ", mutilação genital, mutilação genital feminina, mutilação, MGF, excisão, excisão feminina, circuncisão "
        "feminina, corte genital"
        ", mataram minha irmã, foi assassinada, foi morta pelo marido"
        ", cafetão, cafetina, me obriga a fazer programa, profissional do sexo",
        "gbv, domestic violence, dv, intimate partner violence, ipv, abuse, abusive partner, husband hits me, partner "
        "hits me, beats me, hits me, boyfriend hits me, abusive boyfriend, abusive husband, battered, human "
        "trafficking, trafficking, sexual exploitation, he hit me, he beat me, hurt me, slapped, slapped me, slaps me, "
        "punched, punched me, pulled my hair, "
        "sexual harassment, harassment at work, workplace harassment, forced labor, forced labour, took my "
        "passport, "
        "forces me to have sex, makes me have sex, marital rape, takes my money, controls my money, "
        "financial abuse, economic abuse, checks my phone, controlling, jealous, "
        "husband won't let me see my friends, boyfriend won't let me see my friends, "
        "locks me in, locks me in the house, keeps me locked up, "
        "my friend is being abused, help a friend, my sister is being abused, my daughter's boyfriend hits her, "
        "nudes, posted my nudes, leaked my pictures, intimate images, revenge porn, sextortion, "
        "calls me names, yells at me, puts me down, verbal abuse, emotional abuse, drinks and gets violent, "
        "strangled, strangled me, strangulation, choked me, choking me, tried to choke me, forced marriage, "
        "forcing me to marry, forced to marry, making me marry, put hands on me, put his hands on me, "
        "boss touches me, boss keeps touching me, boss groped me, my man hits me, touching me at work, my boss "
        "harasses me, employer took my passport, employer has my passport"
        ", beat me up, beat mi up"
        ", spends the money i send, spent my remittances, remittances"
        ", elder abuse, elderly abuse, abuse of older people, abused elderly, lick me, him lick me"
        ", online abuse, tech abuse, technology-facilitated abuse, cyberstalking, hacked my account"
        ", hacked my instagram, fake account, fake profile, posting my pics, posting my pictures, deepfake"
        ", deepfakes, hes hurting me, he is hurting me"
        ", elder abuse, abusing my grandmother, abuses my grandma, beaten by husband, beaten by my husband, beaten"
        ", took my phone, takes my phone, broke my phone, smashed my phone, hid my phone, wont let me use my phone"
        ", sharing my nudes, shared my nudes, sharing my pictures, landlord harassing me, landlord is "
        "harassing me, sex for rent, forced abortion, forced me to have an abortion, in laws abuse me, mother"
        " in law abuses me"
        ", violent, my husband is violent, gets violent, bad temper, short temper, hot temper, his temper, violence"
        ", victim, victims, i am a victim"
        ", pushed me, shoved me, he pushed me, grabbed me by the hair, pulled my hair"
        ", PSEA, sexual exploitation and abuse"
        ", pastor abused me, priest abused me, priest touched me, abuse by church leader, clergy abuse"
        ", fgm, female genital mutilation, female genital cutting, female circumcision"
        ", killed by her boyfriend, killed by her husband, killed my sister"
        ", pimp, my pimp, forced into prostitution",
        "KDRT, kekerasan dalam rumah tangga, KBG, kekerasan berbasis gender, kekerasan pasangan, suami memukul, suami "
        "saya memukul, dipukul, dipukul suami, dipukul pacar, kekerasan pacaran, perdagangan orang, "
        "perdagangan manusia, TPPO, pelecehan seksual, pelecehan, pacar, "
        "suami kasar, kasar, mukul, dipukulin, digebukin, ditampar, nampar, dijambak, ditonjok, cowok kasar, cowok "
        "mukul, pacar"
        " kasar, dilecehkan bos, bos pegang pegang, atasan pegang pegang, pelecehan di tempat kerja, kerja paksa, "
        "paspor ditahan, "
        "dipaksa berhubungan, maksa berhubungan, suami maksa berhubungan, gaji diambil suami, uang diambil "
        "suami, kekerasan ekonomi, hp dicek, dikekang, posesif, "
        "ngurung, dikurung, dikurung suami, mukulin, gebukin, nabok, ditabok, "
        "foto bugil, nyebarin foto, sebar foto, disebar fotonya, video syur, revenge porn, sekstorsi, "
        "dimaki, dibentak, kekerasan verbal, kekerasan psikis, suami mabuk, "
        "dicekik, mencekik, nyekik, kawin paksa, nikah paksa, dipaksa menikah, dipaksa nikah, dijodohkan paksa, "
        "digrepe bos, digerayangi atasan, laki gue mukul, laki kasar, nyebarin foto bugil"
        ", uang kiriman, ngabisin uang, habisin uang kiriman, suami ngabisin uang"
        ", lansia dipukul, nenek dipukul, kakek dipukul, pacar mukul, pacarku mukul"
        ", ringan tangan, suami ringan tangan, temperamen, suami temperamen, cemburuan, kekerasan, korban, saya korban"
        ", KBGO, kekerasan berbasis gender online, kekerasan online, kekerasan siber, di hack, dihack"
        ", akun dibajak, akun di hack, akun palsu, akun fake, deepfake"
        ", nggebuki, digebuki, nggebukin, digebukin, suami galak, laki galak"
        ", kekerasan terhadap lansia, nenek dipukul"
        ", dilarang kerja sama suami, suami melarang saya kerja"
        ", suami gak ngebolehin keluar rumah, suami melarang saya keluar rumah, gak dibolehin keluar rumah"
        ", hp diambil, hp saya diambil, hpku diambil, hp dirampas, hp disita, hp dibanting, hp dirusak, "
        "gak boleh pegang hp, tidak boleh pegang hp"
        ", pemilik kos melecehkan, bapak kos melecehkan, pemilik kontrakan melecehkan, dipaksa aborsi, "
        "dipaksa menggugurkan, mertua kasar, mertua saya kasar, dianiaya mertua"
        ", dipukulin laki, dipukul laki, laki gw mukul, laki saya mukul, maksa ngeseks, dipaksa ngeseks, "
        "dipaksa hubungan badan, pacar maksa, cowok maksa"
        ", dianiaya, aniaya, penganiayaan, dianiaya suami"
        ", trafiking, korban trafiking, trafficking, korban perdagangan orang"
        ", imbalan seks, minta imbalan seks, eksploitasi seksual, petugas minta berhubungan badan"
        ", dilecehkan ustadz, pelecehan oleh pemuka agama, pelecehan oleh "
        "tokoh agama, dilecehkan pendeta"
        ", sunat perempuan, khitan perempuan, P2GP, mutilasi genital"
        # Sexual harassment on the street, on public transport and by a driver (not criminal justice's, as in the
        # other languages: "leceh" would be a word of both helps, and a need said with it would stop taking turns)
        ", pelecehan di KRL, pelecehan di angkot, driver ojol melecehkan, pelecehan oleh sopir, pelecehan di jalan, "
        "catcalling"
        ", dibunuh suaminya, dibunuh pacarnya, mencoba membunuh"
        ", mucikari, germo, dipaksa jadi PSK, dijual jadi PSK",
    ),
    "referral-accompaniment": _t(
        "remisión, derivación, acompañamiento, que me acompañen, ruta de atención"
        ", que vaya conmigo, alguien que vaya conmigo, ir conmigo, vaya conmigo, que me acompañe, "
        "alguien que me acompañe, que venga conmigo"
        ", remitir, a dónde remito",
        "encaminhamento, acompanhamento, rede de proteção, alguém pra ir comigo, ir comigo, me acompanhar, carona"
        ", ir cmg, alguém pra ir cmg, vai comigo, vai cmg, ir junto, ir junto comigo, alguém pra ir junto, "
        "vem comigo",
        "referral, accompaniment, escort, go with me, someone to go with me, accompany me, ride, a ride, "
        "ride to the hospital"
        ", come with me, someone to come with me, go there with me, be there with me, "
        "someone to be there with me, someone to go along"
        ", where to refer, refer her, referral pathway",
        "rujukan, pendampingan, diantar, didampingi, pendamping ke rumah sakit, temani ke rumah sakit, antar ke "
        "rumah sakit"
        ", temani aku, temenin aku, nemenin aku, anterin aku, yang bisa nemenin, ditemani"
        # An interpreter of her own language to go with her and report (not only information in it)
        ", penerjemah bahasa daerah, juru bahasa daerah",
    ),
    "helpline": _t(
        "línea de ayuda, línea de emergencia, línea telefónica, teléfono, teléfono de emergencia, llamar, "
        "llamada, número de emergencia, línea 155, línea mujer, 911, whatsapp, chat, mensaje, hotline, atención "
        "telefónica, línea gratuita, línea 24 horas, 24 horas, suicidio, urgente, emergencia, auxilio, socorro, "
        "número para llamar, a quién llamar, número de teléfono, ahora mismo, de madrugada, a medianoche"
        ", nadie me ayuda, nadie me escucha"
        ", no quiero que mi familia sepa, no quiero que mi familia se entere, que nadie se entere, que nadie sepa",
        "linha de ajuda, telefone de emergência, ligue 180, disque 180, 180, disque 100, telefone, ligar, "
        "ligação, número de emergência, whatsapp, chat, mensagem, central de atendimento, atendimento telefônico, "
        "linha gratuita, 24 horas, suicídio, hotline, ajuda urgente, urgente, emergência, socorro, ligar de graça, "
        "ligação gratuita, "
        "número pra ligar, pra quem ligar, agora mesmo, falar com alguém agora, de madrugada"
        ", ngm me ajuda, ninguém me ajuda, ninguém me escuta"
        ", não quero que minha família saiba, não quero que ninguém saiba",
        "hotline, helpline, emergency phone, crisis line, phone line, call, phone, number to call, 24/7, text "
        "line, chat, whatsapp, messaging, talk now, emergency number, toll-free, 911, urgent help, urgent, emergency, "
        "help now, sos, "
        "who to call, hotline number, right now, call now, 3am, middle of the night, late at night"
        ", 1am, 2am, 4am, 5am"
        ", no phone credit, no credit to call"
        ", nobody helps me, no one helps me, no one is helping me"
        ", don't want anyone to know, don't want my family to find out, don't want my family to know",
        "hotline, layanan pengaduan, saluran siaga, nomor darurat, telepon darurat, telepon, menelepon, SAPA 129, "
        "129, call center, WhatsApp, WA, chat, pesan, pengaduan, 24 jam, nomor pengaduan, tolong, darurat, bantuan "
        "darurat, segera, SOS, "
        "nomor yang bisa dihubungi, nomor telepon, tengah malam, dini hari"
        ", jam 2 pagi, jam 3 pagi"
        ", mau ngadu, ngadu kemana, ngadu ke mana, ngadu kemane, gak ada yang bantu"
        ", gak mau keluarga tahu, tidak mau keluarga tahu",
    ),
    "gbv-hotline": _t(
        "línea de violencia, línea 155, línea contra la violencia, línea mujer"
        ", mujeres violentadas, mujer violentada"
        ", ayudar a una amiga, ayudar a mi amiga, cómo ayudar a mi amiga, cómo la ayudo, cómo ayudarla, "
        "mi amiga, amiga, mi pana, pana, cómo ayudo a mi hermana, la vecina, mi vecina, vecina, vecino, "
        "los vecinos, ayudar desde lejos"
        ", hombre víctima, hombres víctimas, soy hombre, víctima hombre"
        ", 155",
        "ligue 180, central de atendimento à mulher, disque denúncia"
        ", ajudar uma amiga, ajudar minha amiga, como ajudar minha amiga, como ajudo ela, minha amiga, amiga, "
        "vizinha, minha vizinha, vizinho"
        ", homem vítima, homens vítimas, sou homem",
        "dv hotline, domestic violence hotline, gbv hotline"
        ", help a friend, help my friend, how to help a friend, how do i help her, how can i help her, help her, "
        "help him, how can i help, help from here, worried about my friend, worried about a friend, friend, "
        "my friend, neighbour, neighbor, my neighbour, my neighbor, neighbour screaming, "
        "hear my neighbor being beaten, bystander"
        ", male victim, male victims, male survivor, wife, my wife",
        "SAPA 129, hotline KDRT, pengaduan kekerasan"
        ", bantu teman, cara bantu teman, teman aku, temen aku, temen gue, tetangga, tetangga aku, "
        "tetangga teriak"
        ", istri, istri saya, istriku"
        ", 129",
    ),
    "remote-counselling": _t(
        "chat, whatsapp, en línea, virtual, videollamada, mensajes, atención remota, chatear, hablar por chat, "
        "whats, wasap, guasap, wsp, hablar por whatsapp, hablar por wasap"
        ", sorda, sordo, persona sorda, mujer sorda, lengua de señas, lenguaje de señas, intérprete de señas"
        ", psicólogo en línea, psicólogo online, terapia en línea, terapia online, atención psicológica en línea"
        ", no puedo hablar, no puedo llamar, no puedo salir de la casa, no puedo salir de casa",
        "chat, whatsapp, online, virtual, videochamada, mensagens, atendimento remoto, conversar pelo chat, "
        "whats, zap, zapzap, wpp, pelo zap, conversar pelo whats, conversar pelo zap, falar pelo whatsapp"
        ", surda, surdo, pessoa surda, libras, língua de sinais, intérprete de libras"
        ", psicólogo online, terapia online, atendimento psicológico online"
        ", não posso falar, não consigo falar, não posso ligar, não consigo ligar, não posso sair de casa, "
        "não consigo sair de casa",
        "online counselling, chat, text, whatsapp, video call, virtual, chat with someone, talk on whatsapp, "
        "texting, by text, text a counselor"
        ", deaf, hard of hearing, sign language"
        ", online therapy, online therapist, online counselor"
        ", can't talk, can't call, can't make a call, can only text, can't leave the house, can't leave my house, "
        "can't go out",
        "konseling online, daring, chat, WA, video call, virtual, chat konselor, curhat lewat WA, curhat online, "
        "ngobrol lewat WA"
        ", tuli, tunarungu, teman tuli, bahasa isyarat"
        ", psikolog online, konsultasi psikolog online, terapi online, WhatsApp"
        ", tidak bisa bicara, gak bisa ngomong, gak bisa nelpon, tidak bisa telepon",
    ),
    "child-protection": _t(
        "protección infantil, niños, niñas, niñez, adolescentes, menores, abuso infantil, maltrato infantil, "
        "abuso sexual infantil, DIF, ICBF, bienestar familiar, defensoría de la niñez, DEMUNA, mi hijo, mi hija, "
        "menor no acompañado, trabajo infantil, cipotes, chamacos, chamaquitos, patojos, güiros, chamos, wawas, "
        "pelados, chiquillos, padrastro, mi padrastro, "
        "matrimonio infantil, unión temprana, mi hija se escapó de la casa, mi hijo se escapó de la casa, niña "
        "obligada a casarse"
        ", 13 años, 14 años, 15 años, 16 años, 17 años, tengo 15, adolescente, mi hija adolescente, "
        "mi hija de 14, mi hija de 15"
        ", profe, el profe, mi profe, profesor, mi profesor, maestro, mi maestro, el maestro, entrenador, soy"
        " menor, soy menor de edad, menor de edad, estoy en la secundaria, secundaria, prepa"
        ", mi alumna, mi alumno, una alumna, alumna, alumno, 12 años, tiene 12",
        "proteção à criança, proteção infantil, criança em risco, crianças, adolescentes, menores, abuso "
        "infantil, maus-tratos, abuso sexual infantil, conselho tutelar, ECA, meu filho, minha filha, criança "
        "desacompanhada, trabalho infantil, exploração sexual infantil, padrasto, meu padrasto, "
        "casamento infantil, menina, menino, meninas, meninos, casamento precoce, união precoce, menina obrigada "
        "a casar, filha fugiu de "
        "casa, filho fugiu de casa, adolescente fugiu de casa"
        ", 13 anos, 14 anos, 15 anos, 16 anos, 17 anos, tenho 15, adolescente, minha filha adolescente"
        ", professor, professora, meu professor, o professor, sou menor, sou menor de idade, menor de idade, "
        "ensino médio, tenho 13 anos, tenho 14 anos, tenho 15 anos, tenho 16 anos, tenho 17 anos"
        ", minha aluna, meu aluno, uma aluna, aluna, aluno, 12 anos, tenho 12 anos",
        "child protection, children, kids, child abuse, child neglect, child sexual abuse, minors, adolescents, "
        "youth, teens, unaccompanied minors, separated children, child welfare, cps, my child, child trafficking, "
        "my son, my daughter, stepdad, stepfather, my stepdad, "
        "child marriage, child bride, runaway, my daughter ran away, my son ran away"
        ", 13, 14, 15, 16, 17, im 13, im 14, im 15, im 16, im 17, teen, teenager, my teenage daughter, "
        "daughter is 15"
        ", teacher, my teacher, coach, my coach, our secret, its our secret, underage, im a minor, high "
        "school, middle school"
        ", my student, a student, student, my pupil, pupil, 12, im 12, is 12",
        "perlindungan anak, anak, remaja, kekerasan terhadap anak, kekerasan anak, pelecehan anak, kekerasan "
        "seksual anak, anak tanpa pendamping, KPAI, pekerja anak, anak saya, penelantaran anak, anak korban, anak "
        "jalanan, eksploitasi seksual anak, ayah tiri, bapak tiri, bapak tiriku, "
        "pernikahan anak, perkawinan anak, nikah dini, anak kabur, anak kabur dari rumah, anak minggat, "
        "pernikahan dini, kawin anak, pernikahan usia anak, anak dipaksa kawin, anak dipaksa nikah"
        ", umur 13, umur 14, umur 15, umur 16, umur 17, anak remaja"
        ", guru, guru saya, guruku, guru ngaji, pelatih, masih sma, masih smp, anak sma, anak smp, sma, smp, "
        "di bawah umur, masih di bawah umur"
        ", murid saya, muridku, murid, anak didik, anak didik saya, umur 12, masih sd",
    ),
    "child-case-management": _t(
        "caso de protección infantil, niño en riesgo, DIF, ICBF, DEMUNA"
        ", bullying, acoso escolar, le hacen bullying, me hacen bullying, abusa de mi hija, abusó de mi hija,"
        " tocó a mi hija, toca a mi hija"
        ", mi papá me toca, mi papa me toca, mi padrastro me toca, mi tío me toca, me toca mi papá, "
        "mi papá abusa de mí"
        # A son recruited or a daughter wanted by a gang or an armed group
        ", reclutamiento forzado, reclutamiento de menores, reclutan a mi hijo, quieren reclutar a mi hijo, lo "
        "quieren meter a la pandilla, quiere a mi hija de novia, la pandilla quiere a mi hija",
        "conselho tutelar, criança em risco, caso de proteção"
        ", bullying, sofre bullying, fazem bullying, abusa da minha filha, abusou da minha filha, mexeu com a"
        " minha filha, padrasto abusa"
        ", meu pai mexe comigo, meu padrasto mexe comigo, meu tio mexe comigo, meu pai me toca, meu pai abusa de mim"
        ", recrutamento forçado, aliciamento de menores, aliciamento pelo tráfico, o tráfico quer levar, querem meu "
        "filho no tráfico, a facção quer meu filho",
        "child case worker, child at risk, child welfare case"
        ", bullying, bullied, being bullied, touches my daughter, touched my daughter, molested my daughter, "
        "molesting my daughter, stepdad touches"
        ", dad touches me, my dad touches me, my father touches me, my uncle touches me, my stepdad touches me, "
        "my dad abuses me"
        ", forced recruitment, child recruitment, gang recruiting, recruit my son, join the gang, wants my daughter as "
        "his girlfriend",
        "anak berisiko, pendampingan anak, kasus anak, dibully, dirundung, perundungan, bully, dibuli, bullying"
        ", bapak pegang pegang saya, ayah pegang pegang saya, ayah tiri pegang pegang, om pegang pegang saya, "
        "dicabuli ayah, dicabuli bapak"
        ", dipaksa gabung geng, direkrut geng, rekrutmen paksa, anak direkrut",
    ),
    "child-friendly-spaces": _t(
        "espacio amigable, ludoteca, juegos, recreación, actividades para niños, guardería, cuidado de niños, "
        "quién me cuide a los niños",
        "espaço amigável, brinquedoteca, brincadeiras, atividades para crianças, creche, quem cuide das crianças",
        "child friendly space, play, kids activities, playgroup, daycare, childcare, babysitting, someone to watch "
        "my kids"
        ", somewhere safe for my kids, watch my kids",
        "ruang ramah anak, tempat bermain, kegiatan anak, penitipan anak, tempat penitipan anak, daycare"
        ", titip anak, nitip anak, jagain anak, tempat titip anak",
    ),
    "family-tracing": _t(
        "búsqueda de familiares, reunificación familiar, perdí a mi hijo, niño perdido, desaparecido, buscar a mi "
        "familia, separados en el camino, busco a mi familia, "
        "perdí contacto con mi familia, persona desaparecida, mi hijo está desaparecido, no puedo comunicarme con mi "
        "familia, no sé nada de mi familia, sin noticias de mi familia"
        ", traer a mis hijos, traerlos, quiero traer a mis hijos, reunirme con mis hijos"
        ", menor no acompañado, niño no acompañado, niña no acompañada, separado de sus padres, separada de sus "
        "padres, niño separado de su familia",
        "busca de familiares, reunificação familiar, criança perdida, desaparecido, encontrar minha família, "
        "família separada, "
        "desaparecida, meu filho desapareceu, pessoa desaparecida, perdi contato com minha família, sumiu, "
        "procurar minha irmã, procurar meu irmão, procurar minha mãe, não consigo falar com minha família, sem "
        "notícias da minha família"
        ", trazer meus filhos, trazer minha família, reunir com meus filhos"
        ", criança sozinha, criança desacompanhada, menor desacompanhado, separada dos pais, separado dos pais, "
        "criança separada da família",
        "family tracing, family reunification, missing child, lost child, separated family, find my family, "
        "restoring family links, "
        "missing, missing person, my son is missing, my daughter is missing, lost contact with my family, "
        "find my sister, find my brother, find my mother, find my mom, find my husband, missing relative, "
        "can't reach my family, can't reach my mom, no news from my family, lost touch with my family"
        ", unaccompanied minor, unaccompanied child, separated child, separated from my parents",
        "penelusuran keluarga, reunifikasi keluarga, anak hilang, keluarga hilang, mencari keluarga, "
        "orang hilang, hilang kontak, anak saya hilang, gak bisa hubungi keluarga, putus kontak, tidak ada kabar "
        "dari keluarga"
        ", anak tanpa pendamping, anak terpisah, terpisah dari orang tua, anak terpisah dari keluarga",
    ),
    "cash-basic-needs": _t(
        "comida, alimentos, despensa, mercado, bolsa de comida, canasta básica, comedor, plata, dinero, efectivo, "
        "bono, ayuda económica, apoyo económico, pañales, ropa, cobijas, frazadas, necesidades básicas, víveres, lana, "
        "pisto, olla común, comedor comunitario, comedor popular, "
        "pasaje, pasajes, pasaje de bus, boleto de bus, transporte, dinero para el pasaje, leche para el "
        "bebé, fórmula para bebé, "
        "bañarme, ducha, lavar ropa, recibo de luz, pagar la luz, pagar los recibos, "
        "hambre, pasando hambre, no tengo qué comer, tanque de gas, cilindro de gas, ropa de abrigo, ropa para el "
        "frío, chamarra, chompa"
        ", muebles, colchón, enseres, me dejó sin nada, no tengo ni un peso"
        ", pagar las cuentas, cortar la luz, me cortaron la luz, cortaron el agua, pagar el agua",
        "comida, alimentação, cesta básica, marmita, refeição, dinheiro, auxílio, auxílio financeiro, bolsa, "
        "ajuda financeira, fraldas, roupas, cobertor, colchão, "
        "necessidades básicas, mantimentos, grana, sem grana, restaurante popular, cozinha solidária, sopão, "
        "passagem, passagem de ônibus, vale-transporte, transporte, leite em pó, leite pro bebê, fralda, "
        "tomar banho, banho, lavar roupa, "
        "busão, passe livre, ônibus de graça, conta de luz, conta de água, contas atrasadas, pagar as contas, "
        "fome, passando fome, tô com fome, gás, botijão de gás, gás de cozinha, roupa de frio, agasalho, casaco, "
        "sem celular, não tenho celular"
        ", móveis, colchão"
        ", cortar minha luz, cortaram minha luz, cortaram minha água, cortar a água",
        "food, food bank, groceries, meals, money, cash, cash assistance, financial help, voucher, emergency "
        "funds, diapers, clothes, blankets, basic needs, soup kitchen, food "
        "pantry, free meals, free food, "
        "bus fare, bus ticket, bus pass, transport, transportation, baby formula, formula, "
        "shower, showers, laundry, bills, electric bill, utility bill, light bill, pay the bills, "
        "hungry, starving, nothing to eat, heat, heating, no heat, gas bill, coats, winter coats, warm clothes, "
        "jacket, no phone, don't have a phone"
        ", furniture, mattress, household items"
        ", power shut off, electricity cut off, cutting off my electricity, water shut off, water bills, "
        "afford the water bill, pay the water bill",
        "makanan, sembako, bahan makanan, makan, uang, bantuan tunai, BLT, bantuan uang, bantuan sosial, bansos, "
        "voucher, popok, pakaian, baju, selimut, kebutuhan dasar, kebutuhan pokok, duit, "
        "dapur umum, makan gratis, "
        "ongkos, ongkos pulang, tiket bus, transport, susu formula, susu bayi, "
        "mandi, numpang mandi, bayar listrik, token listrik, tagihan listrik, "
        "lapar, kelaparan, ga ada makanan, gas elpiji, tabung gas, gas melon, baju hangat, baju anget, jaket"
        ", perabot, perabotan, kasur"
        ", listrik diputus, bayar PDAM, tagihan PDAM, air PDAM, bayar air",
    ),
    "cash-assistance": _t(
        "dinero en efectivo, bono, transferencia monetaria, tarjeta, plata, "
        "plata para el arriendo, dinero para la renta, no puedo pagar la renta, no puedo pagar el arriendo, no "
        "me alcanza para la renta, renta del mes, renta de este mes, arriendo del mes"
        ", pasaje, para el pasaje, plata para el pasaje, ayuda con el pasaje, pasaje de bus, boleto de bus"
        # French and Haitian Creole
        ", argent, sans argent, pas d'argent, lajan, pa gen lajan"
        ", recarga, recarga pal cel, recarga de celular, saldo pal cel, saldo para el celular, crédito para el celular"
        ", efectivo para protección, transferencias monetarias para protección, dinero para protección",
        "transferência de renda, cartão, auxílio, dinheiro, cadúnico, cad único, cadastro único, auxílio brasil, "
        "dinheiro pro aluguel, não consigo pagar o aluguel, aluguel atrasado, bolsa família, aluguel do mês, "
        "aluguel desse mês"
        ", passagem, dinheiro da passagem, ajuda com a passagem, passagem de ônibus"
        ", recarga, recarga de celular, crédito pro celular, crédito no celular, sem um puto, to sem um puto"
        ", transferência de renda para proteção, dinheiro para proteção",
        "cash transfer, multipurpose cash, money, cash card, "
        "rent money, can't pay rent, can't pay my rent, behind on rent, rent this month, this month's rent"
        ", money for a ticket, bus money, money for the bus, bus fare, bus ticket, can't afford the bus"
        ", phone credit, top up my phone, prepaid minutes"
        ", greyhound ticket, plane ticket"
        ", cash for protection, protection cash",
        "bantuan langsung tunai, BLT, transfer tunai, uang tunai, PKH, bantuan PKH, kontrakan bulan ini, "
        "bayar kontrakan, uang kontrakan, uang sewa, nunggak kontrakan"
        ", ongkos, ongkos pulang, ongkos pulang kampung, pulang kampung, tiket pulang, tiket bus, ongkos bus"
        ", pulsa, isi pulsa, beli pulsa, paket data"
        ", dinsos, bantuan dinsos"
        ", bantuan tunai perlindungan, bantuan tunai untuk korban",
    ),
    "dignity-kits": _t(
        "kit de dignidad, kit de higiene, toallas sanitarias, jabón, cepillo de dientes, artículos de higiene, "
        "toallas higiénicas, toallas femeninas, kotex",
        "kit dignidade, kit de higiene, absorvente, sabonete, produtos de higiene, absorventes, absorvente íntimo",
        "dignity kit, hygiene kit, pads, tampons, toiletries, sanitary pads, "
        "period pads, menstrual pads, period products, sanitary napkins",
        "paket kebersihan, dignity kit, pembalut, sabun, perlengkapan mandi, pembalut wanita, softex",
    ),
    "food-assistance": _t(
        "comida, alimentos, despensa, comedor comunitario, olla común, mercado"
        # French and Haitian Creole
        ", manger, nourriture, manje",
        "comida, cesta básica, refeição, cozinha comunitária, marmita",
        "food, food bank, food pantry, meals, groceries, SNAP, food stamps, EBT, WIC",
        "makanan, sembako, dapur umum, paket makanan",
    ),
    "livelihoods": _t(
        "trabajo, empleo, chamba, chambita, camello, bolsa de trabajo, oferta de empleo, emprendimiento, negocio, "
        "microempresa, autonomía económica, ingresos, capital semilla, "
        "jale, estudiar, quiero estudiar, clases, clases de español, aprender español, clases de inglés, "
        "terminar la escuela, terminar la prepa, convalidar título, homologar título, "
        "me quedé sin trabajo, me quedé sin chamba, me quedé sin empleo"
        ", aprender a leer, aprender a leer y escribir, alfabetización, terminar la secundaria, terminar el "
        "bachillerato, educación para adultos",
        "trabalho, emprego, vaga, vaga de emprego, empreendedorismo, negócio, renda, renda extra, geração de "
        "renda, autonomia financeira, microcrédito, currículo, "
        "estudar, aula de português, curso de português, aprender português, revalidar "
        "diploma, revalidação de diploma, supletivo, EJA, "
        "fiquei sem trabalho, fiquei desempregada"
        ", aprender a ler, aprender a ler e escrever, alfabetização, terminar o ensino médio, terminar os "
        "estudos",
        "job, jobs, employment, work, job search, resume, cv, "
        "small business, entrepreneurship, microloan, income, livelihood, economic empowerment, "
        "esl, english classes, learn english, classes, study, ged, "
        "lost my job, finish high school, high school diploma, go back to school"
        ", learn to read, learn to read and write, literacy, adult education",
        "kerja, pekerjaan, lowongan kerja, loker, "
        "usaha, usaha kecil, UMKM, wirausaha, modal usaha, penghasilan, pemberdayaan ekonomi, "
        "belajar bahasa, kursus bahasa, kursus bahasa inggris, belajar bahasa indonesia, "
        "kejar paket, penyetaraan ijazah, "
        "kena phk, di phk"
        ", belajar membaca, belajar baca tulis, buta huruf, paket b, paket c",
    ),
    "vocational-training": _t(
        "capacitación, curso, taller, oficio, formación, formación laboral, SENA, costura, peluquería, cursos gratis",
        "curso profissionalizante, capacitação, oficina, formação, profissão, costura, curso gratuito",
        "job training, vocational training, skills training, course, skills, apprenticeship, sewing, cooking class, "
        "free courses",
        "pelatihan kerja, pelatihan keterampilan, kursus, BLK, keterampilan, pelatihan, menjahit, kursus gratis",
    ),
    "employment-entrepreneurship": _t(
        "empleo, trabajo, chamba, emprendimiento, negocio, capital semilla, bolsa de trabajo, vender comida, "
        "vender desde casa, negocio desde casa, poner un negocio",
        "emprego, trabalho, vaga, empreendedorismo, negócio, microcrédito, carteira de trabalho, CTPS, carteira "
        "assinada, trampo, bico, vender comida, vender marmita, vender em casa, abrir um negócio",
        "job, employment, work, small business, microloan, job search, sell food, selling food, sell from home, "
        "business from home, start a business, side hustle",
        "kerja, lowongan kerja, loker, usaha kecil, UMKM, modal usaha, kerjaan, cari kerja, jualan, jualan "
        "makanan, jualan online, dagang, usaha dari rumah, buka usaha",
    ),
    "information-orientation": _t(
        "información, orientación, derechos, mis derechos, conocer mis derechos, qué hacer, a dónde ir, ruta de "
        "atención, recién llegado, recién llegué, migrantes, personas en movilidad, caminantes, en tránsito, "
        "trámites, guía, punto de información, charlas, a quién acudir, a dónde acudir, pedir ayuda, orientarme, "
        "intérprete, traductor, traductora, traducción, "
        "no sé qué hacer, no sé a dónde ir",
        "informação, informações, orientação, direitos, meus direitos, o que fazer, onde ir, recém-chegado, "
        "acabei de chegar, migrantes, imigrantes, pessoas em mobilidade, em trânsito, posto de informação, "
        "interiorização, documentação, palestra, cartilha, "
        "intérprete, tradutor, tradutora, tradução, "
        "não sei o que fazer, não sei pra onde ir",
        "information, orientation, know your rights, rights, what to do, where to go, newcomer, new arrival, "
        "migrants, people on the move, in transit, info desk, information point, guidance, awareness, advice, "
        "interpreter, translator, translation, "
        "don't know what to do, don't know where to go, don't know anything"
        ", 211",
        "informasi, orientasi, hak, hak saya, apa yang harus dilakukan, ke mana, pendatang baru, migran, "
        "pengungsi, pencari suaka, orang berpindah, sosialisasi, penyuluhan, panduan, pusat informasi, "
        "penerjemah, juru bahasa, terjemahan, "
        "tidak tahu harus ke mana, gak tau harus gimana, bingung harus ke mana",
    ),
    "rights-services-information": _t(
        "derechos, mis derechos, información, ruta de atención, derechos de las mujeres"
        ", el pastor, mi pastor, el pastor dice, el pastor me dijo, la iglesia, líder religioso, que lo "
        "perdone, perdonarlo"
        ", es confidencial"
        # Abuse by the police (extortion of a sex worker): her rights, not the police units
        ", la policía me extorsiona, la policía me pide dinero"
        # Victims of an armed conflict: being registered and repaired
        ", conflicto armado, víctimas del conflicto armado, registro único de víctimas, RUV, ley de víctimas, "
        "reparación integral",
        "direitos, meus direitos, informação, direitos da mulher"
        ", pastor, meu pastor, o pastor disse, pastor mandou, igreja, líder religioso, perdoar, perdoar ele"
        ", é sigiloso"
        ", a polícia me extorque"
        ", conflito armado",
        "rights, know your rights, information, women's rights, red flags, not physical"
        ", pastor, my pastor, pastor says, priest, imam, church, my church, religious leader, forgive him"
        ", is it confidential, clare's law, clares law"
        ", armed conflict, reparations",
        "hak, hak saya, informasi hak, hak perempuan"
        ", ustadz, ustaz, ustad, pak ustadz, kata ustadz, pendeta, pastor, kyai, kiai, tokoh agama, disuruh "
        "sabar, disuruh memaafkan"
        ", diberi tahu, rahasia"
        ", konflik bersenjata, korban konflik",
    ),
    "migrant-orientation": _t(
        "migrantes, caminantes, venezolanos, haitianos, haitiana, haitiano, recién llegados, en tránsito, "
        "personas en movilidad, recién llegué, "
        "volver a mi país, regresar a mi país, retorno voluntario, "
        "frontera, en la frontera, crucé la frontera, cruzar la frontera, trabajadora migrante, trabajador "
        "migrante"
        ", terminal de buses, estoy en la terminal, terminal terrestre, recién bajé del bus"
        ", agencia de reclutamiento, reclutador, trabajar en el extranjero, trabajo en el exterior"
        ", reubicación, programa de reubicación"
        ", abrir una cuenta bancaria, cuenta bancaria, cuenta de banco"
        ", OIM, organización internacional para las migraciones"
        # A school place for a child who arrived without papers
        ", matrícula escolar, cupo escolar, inscripción escolar",
        "migrantes, imigrantes, venezuelanos, haitianos, haitiana, haitiano, recém-chegados, interiorização, "
        "Operação Acolhida, acabei de chegar, "
        "voltar pro meu país, voltar para o meu país, retorno voluntário, "
        "fronteira, cruzei a fronteira, atravessar a fronteira, trabalhadora migrante, trabalhador migrante"
        ", em trânsito"
        ", rodoviária, cheguei na rodoviária, terminal rodoviário"
        ", agência de recrutamento, aliciador, trabalhar no exterior, trabalho no exterior"
        ", acabei de chegar, cheguei agora, não conheço ninguém aqui"
        ", abrir conta no banco, abrir conta, conta bancária, conta no banco"
        ", OIM, organização internacional para as migrações, atendimento em espanhol"
        ", vaga na escola, vaga em escola, matrícula escolar, matricular na escola",
        "migrants, newcomers, new arrivals, people on the move, in transit, newcomer orientation, "
        "go back to my country, go home to my country, voluntary return, "
        "border, at the border, crossed the border, crossing the border, just arrived, newly arrived, new to "
        "the country, migrant worker, domestic helper, domestic worker, foreign domestic worker"
        ", bus station, greyhound station, bus terminal, ofw, overseas filipino worker, overseas worker, helper, "
        "maid"
        ", recruitment agency, recruiter, placement fee, agency fee, is the agency legit"
        ", relocation, relocation program, haitian, got off the bus, just got off the bus"
        ", open a bank account, bank account, kasambahay, my amo"
        ", iom, international organization for migration"
        ", relocate"
        ", enroll my kids in school, school enrollment, enroll in school, school for my kids, school wont enroll",
        "migran, pengungsi, pendatang, pencari suaka, orang berpindah, pekerja migran, buruh migran, TKI, PMI, "
        "pulang ke negara asal, "
        "perbatasan, lintas batas, baru datang, baru tiba, TKW, pekerja rumah tangga migran"
        ", terminal bus, di terminal, baru turun dari bus, TKW disiksa"
        ", agen, agen TKI, calo, biaya penempatan, resmi gak, kerja ke luar negeri, kerja di luar negeri, "
        "berangkat ke luar negeri, taiwan, hongkong, hong kong, saudi, arab saudi, malaysia, singapura, "
        "brunei, kamboja"
        ", relokasi"
        ", buka rekening, rekening bank"
        ", IOM, BP2MI, BP3MI"
        ", daftar sekolah, pendaftaran sekolah",
    ),
    "safety-security": _t(
        "seguridad, protección, policía, comisaría, comisaría de la mujer, patrulla, plan de seguridad, estoy en "
        "peligro, me amenaza, amenazas, me persigue, acoso, acecho, botón de pánico, 911, protegerme, me quiere "
        "matar, miedo, tengo miedo, temo por mi vida, me vigila, me sigue, amenaza con matarme, me amenazó, "
        "me sigue a todos lados, me acosa, extorsión, me extorsionan, cobro de piso, pandilla, "
        "pandilleros, cambiar la chapa, cambiar la cerradura"
        ", está en mi puerta, me está esperando afuera"
        ", gota a gota, préstamo gota a gota, prestamista"
        ", cerrajero"
        ", miedo por mi vida, tengo miedo de que me mate, me da miedo"
        ", chantaje, me chantajea, chantajeando, sextorsión"
        ", me está siguiendo, me anda siguiendo, está afuera, ya está afuera"
        ", arma, tiene un arma, pistola, tiene una pistola, cuchillo, tiene un cuchillo, anda armado"
        # Armed groups that threaten or displace
        ", paramilitares, paracos, guerrilla, disidencias, bandas criminales",
        "segurança, proteção, polícia, delegacia, delegacia da mulher, DEAM, patrulha Maria da Penha, plano de "
        "segurança, estou em perigo, ameaça, ameaçada, perseguição, stalking, botão do pânico, 190, me proteger, "
        "ameaça me matar, quer me matar, "
        "assédio, assédio sexual, importunação sexual, me persegue, me ameaça, me vigia, ele me vigia, "
        "fica me vigiando, "
        "extorsão, milícia, facção, trocar a fechadura, fechadura, me mata se eu largar ele, "
        "vai me matar se eu largar ele"
        ", tá na minha porta, tá lá fora"
        ", agiota"
        ", chaveiro, trocar a fechadura"
        ", medo, tenho medo, estou com medo, to com medo, tô com medo, medo dele, temo pela minha vida, medo de morrer"
        ", extorquindo, me extorquindo, extorquir, chantagem, me chantageando, chantageada, sextorsão"
        ", tá aqui fora, está aqui fora, ele tá vindo, ele está vindo, tá me seguindo, está me seguindo"
        ", arma, tem uma arma, revólver, faca, tem uma faca, anda armado"
        ", miliciano, milicianos",
        "safety, security, police, safety plan, safety planning, in danger, threats, threatened, stalking, "
        "stalker, harassment, panic button, protect myself, 911, escape plan, unsafe, threatens to kill me, wants to "
        "kill me, "
        "following me, he follows me, keeps following me, stalks me, extortion, gang, gangs, gang threats, "
        "scared of him, afraid of him, change the locks, locks changed, new locks, kill me if i leave"
        ", outside my door, he's outside, at my door, banging on my door, trying to get in, in my yard"
        ", loan shark, hes outside, he is outside"
        ", locksmith, hes coming back, he is coming back"
        ", scared, afraid, i'm scared, im scared, i am scared, i am afraid, afraid for my life, fear for my life"
        ", scared for my life"
        ", blackmail, blackmailing, blackmailed, blackmailing me, sextortion, extorting me"
        ", on his way, hes on his way, he is on his way, pounding on the door, banging on the door"
        ", gun, has a gun, weapon, knife, has a knife"
        ", armed men, militia, paramilitaries, guerrillas",
        "keselamatan, keamanan, polisi, unit PPA, unit pelayanan perempuan dan anak, rencana keselamatan, dalam "
        "bahaya, ancaman, diancam, dikuntit, penguntit, pelecehan, tombol darurat, melindungi diri, tidak aman, "
        "110, mengancam membunuh, diancam dibunuh, ancaman pembunuhan, ngancam bunuh, ngancem bunuh, ngancam, "
        "mau bunuh aku, "
        "nguntit, diikutin, dibuntuti, dipalak, palak, pemalakan, pemerasan, diperas, preman, "
        "takut sama suami, takut suami, ganti kunci, kunci pintu, bunuh aku kalau aku pergi"
        ", gedor pintu, nungguin di depan, ngancem, diancem"
        ", dia di depan, dia lagi di depan, dia di luar, dia lagi di luar, dia mau ke sini, otw ke sini, dia otw"
        ", pisau, punya pisau, bawa pisau, senjata, pistol"
        ", tukang kunci, ganti kunci, ngamuk, suami ngamuk"
        ", takut, aku takut, saya takut, ketakutan, takut dibunuh, mau dibunuh, takut dibunuh suami, takut mati"
        ", diancam sebar foto, pemerasan seksual, sextortion"
        ", kelompok bersenjata, KKB, milisi",
    ),
    "safety-planning": _t(
        "plan de seguridad, plan de escape, salir a salvo, plan de emergencia, protegerme, cómo protegerme, "
        "me rastrea el celular, rastrea mi celular, me tiene rastreada, lee mis mensajes, me espía el celular"
        ", mochila de emergencia, maleta de emergencia, qué llevar si me voy, qué me llevo, salir segura"
        ", cómo escapar, cómo escaparme, escaparme de él"
        ", sacar mis cosas, recoger mis cosas, guardar mis documentos, guardo mis documentos, esconder mis documentos"
        ", chip nuevo, cambiar de número, número nuevo"
        ", controla mi celular, me controla el celular"
        ", sin que se entere mi esposo, sin que mi esposo sepa, no quiero volver con él"
        ", no quiero que sepa dónde estoy, no quiero que me encuentre"
        ", no quiero ir a un albergue, no quiero ir al albergue, no quiero ir a un refugio, no quiero dejar mi casa, "
        "no quiero salir de mi casa"
        ", entró a mi facebook, entró a mi celular, entró a mis cuentas, se metió a mi whatsapp, se metió a mi "
        "celular, sabe mi contraseña, me cambió la contraseña, hackeó mi cuenta"
        # A caseworker's risk assessment
        ", evaluación de riesgo, valoración de riesgo, valoración del riesgo",
        "plano de segurança, plano de fuga, sair com segurança, me proteger, como me proteger, "
        "rastreia meu celular, me rastreia, lê minhas mensagens, espiona meu celular"
        ", como sair com segurança, plano pra sair"
        ", como escapar"
        ", pegar minhas coisas, buscar minhas coisas, guardar meus documentos, documentos guardados"
        ", esconder meus documentos, chip novo, trocar de chip, trocar o número, número novo"
        ", controla meu celular, mexe no meu celular, vigia meu celular"
        ", sem meu marido saber, sem que meu marido saiba"
        ", largar ele, quero largar ele, largar meu marido, largar meu companheiro"
        ", medo dele me achar, ta me perseguindo, está me perseguindo, não quero voltar pra ele"
        ", não quero que ele me encontre, não quero que ele saiba onde estou"
        ", não quero ir pra abrigo, não quero ir para o abrigo, não quero ir pro abrigo, não quero sair de casa, "
        "não quero sair da minha casa"
        ", invadiu meu instagram, invadiu meu celular, sabe minha senha, entrou no meu whatsapp, entrou no meu "
        "celular, hackeou meu facebook, hackeou minha conta"
        ", avaliação de risco, formulário de avaliação de risco, FONAR",
        "safety plan, escape plan, leaving safely, stay safe, staying safe, protect myself, leave my husband, leave "
        "my partner, leaving an abusive relationship, "
        "tracks my phone, tracking my phone, tracks my location, gps tracker, spyware, stalkerware, reads my "
        "messages, reads my texts, hacked my phone"
        ", go bag, checklist, what to pack, leaving an abuser, leaving abuser, plan to leave, "
        "how to leave safely, leave safely"
        ", how to escape, escape him"
        ", get my things, get my stuff, civil standby, keep my documents safe, hide my documents"
        ", store my documents, new sim, new sim card, new phone number, burner phone"
        ", controls my phone, checks my phone"
        ", without my husband finding out, without my husband knowing"
        ", leave him, want to leave him, leave my boyfriend, leave my wife, how to leave, how do i leave"
        ", don't want him to find me"
        ", don't want to go to a shelter, don't want a shelter, don't want to leave my home, "
        "don't want to leave my house"
        ", he got into my, logged into my instagram, logged into my facebook, logged into my accounts, knows my "
        "password, changed my password, hacked my email, hacked my account, hacked my facebook"
        ", risk assessment, lethality assessment, danger assessment, dash risk assessment",
        "rencana keselamatan, rencana melarikan diri, keluar dengan aman, menyelamatkan diri, melindungi diri, "
        "lacak hp, ngelacak hp, dilacak, disadap, hp disadap, baca chat"
        ", tas darurat"
        ", ambil barang barang, ambil barang"
        ", kartu sim baru, ganti nomor, nomor baru"
        ", ngecek hp, kontrol hp, tanpa ketahuan suami, tanpa sepengetahuan suami"
        ", ninggalin suami, mau ninggalin suami, meninggalkan suami, ingin meninggalkan suami, ninggalin pacar"
        ", gak mau suami tahu, tidak mau suami tahu, jangan sampai suami tahu, biar suami gak tahu, "
        "suami jangan sampai tahu"
        ", gak mau ke rumah aman, tidak mau ke rumah aman, gak mau ke shelter"
        ", akun dibajak, akun ig dibajak, wa dibajak, masuk ke whatsapp saya, tahu password hp, facebook dihack, "
        "akun dihack"
        ", penilaian risiko, asesmen risiko",
    ),
    "specialised-police": _t(
        "comisaría de la mujer, unidad especializada, policía de género, fiscalía de la mujer, agencia "
        "especializada, policía"
        ", policía especializada, policía que entienda",
        "delegacia da mulher, DEAM, DDM, delegacia especializada, polícia, policial que entenda",
        "police, special victims unit, dv unit, police report, cops, cop, police who understand, dv police, svu",
        "unit PPA, polisi, polres, polsek, laporan polisi, polisi khusus, polwan"
        ", pinjol, pinjol ilegal, diteror pinjol, teror pinjol, neror",
    ),
}

# (code, name)
POPULATIONS = [
    ("women", _t("Mujeres", "Mulheres", "Women", "Perempuan")),
    ("girls", _t("Niñas", "Meninas", "Girls", "Anak perempuan")),
    ("men-boys", _t("Hombres y niños", "Homens e meninos", "Men and boys", "Laki-laki dan anak laki-laki")),
    ("lgbtiq", _t("Personas LGBTIQ+", "Pessoas LGBTIQ+", "LGBTIQ+ people", "Orang LGBTIQ+")),
    (
        "children-adolescents",
        _t("Niñas, niños y adolescentes", "Crianças e adolescentes", "Children and adolescents", "Anak dan remaja"),
    ),
    (
        "refugees-migrants",
        _t(
            "Personas refugiadas y migrantes",
            "Pessoas refugiadas e migrantes",
            "Refugees and migrants",
            "Pengungsi dan migran",
        ),
    ),
    (
        "people-with-disabilities",
        _t(
            "Personas con discapacidad", "Pessoas com deficiência", "People with disabilities", "Penyandang disabilitas"
        ),
    ),
    (
        "indigenous-peoples",
        _t("Pueblos indígenas", "Povos indígenas", "Indigenous peoples", "Masyarakat adat"),
    ),
    (
        "afro-descendants",
        _t("Personas afrodescendientes", "Pessoas afrodescendentes", "People of African descent", "Keturunan Afrika"),
    ),
    ("older-people", _t("Personas mayores", "Pessoas idosas", "Older people", "Lansia")),
    (
        "trafficking-survivors",
        _t(
            "Sobrevivientes de trata",
            "Sobreviventes de tráfico de pessoas",
            "Survivors of trafficking",
            "Penyintas perdagangan orang",
        ),
    ),
]

#: The words people use for some groups of people, per language (``Population.search_terms``): a search that says one
#: shows the services for that group, as the filter "For" does, and searches the rest of its words
#: (``services.search.population_named``). Only groups whose words listings seldom carry: women, children and
#: migrants are found by the listings' own words and the types of help (a search for "mujeres" finds more than the
#: services for women alone). None is a category's search term (``tests/services/test_words_say_filters.py``).
POPULATION_SEARCH_TERMS = {
    "lgbtiq": _t(
        "LGBTIQ, LGBTIQ+, LGBT, LGBTI, LGBTQ, LGBTQI, LGBTQIA, LGBTTTIQ, GLBT, gay, gays, lesbiana, lesbianas, trans, "
        "mujer trans, mujeres trans, hombre trans, hombres trans, chica trans, persona trans, personas trans, "
        "transgénero, transexual, travesti, travestis, bisexual, bisexuales, queer, intersexual, intersex, no binarie, "
        "no binario, no binaria, persona no binaria, diversidad sexual, disidencias sexuales, homosexual, "
        "comunidad LGBT",
        "LGBTQIA+, LGBTQIA, LGBT, LGBTI, LGBTQ, LGBTIQ, GLBT, gay, gays, lésbica, lésbicas, trans, mulher trans, "
        "mulheres trans, homem trans, homens trans, pessoa trans, pessoas trans, transgênero, transexual, travesti, "
        "travestis, bissexual, bissexuais, queer, intersexo, intersexual, não binário, não binária, pessoa não "
        "binária, diversidade sexual, homossexual, comunidade LGBT",
        "LGBTIQ, LGBT, LGBTI, LGBTQ, LGBTQIA, GLBT, gay, gays, lesbian, lesbians, trans, trans woman, trans women, "
        "trans man, trans men, trans person, trans people, transgender, transsexual, bisexual, queer, intersex, "
        "non-binary, nonbinary, enby, homosexual, LGBT community",
        "LGBT, LGBTI, LGBTQ, LGBTIQ, LGBTQIA, gay, lesbian, lesbi, transgender, transpuan, waria, trans, "
        "transeksual, biseksual, queer, interseks, non-biner, homoseksual, komunitas LGBT, komunitas waria",
    ),
    "people-with-disabilities": _t(
        "discapacidad, con discapacidad, persona con discapacidad, personas con discapacidad, mujer con discapacidad, "
        "mujeres con discapacidad, discapacitada, discapacitado, diversidad funcional, ciega, "
        "persona ciega",
        "deficiência, com deficiência, pessoa com deficiência, pessoas com deficiência, mulher com deficiência, "
        "mulheres com deficiência, PCD, PcD, deficiente, cega, pessoa cega",
        "disability, disabilities, disabled, with a disability, disabled woman, disabled women, disabled person, "
        "disabled people, blind woman, blind person",
        "disabilitas, difabel, penyandang disabilitas, disabilitas netra, tunanetra, tuna netra, tunadaksa",
    ),
    "indigenous-peoples": _t(
        "indígena, indígenas, mujer indígena, mujeres indígenas, pueblo indígena, pueblos indígenas, pueblo "
        "originario, pueblos originarios, comunidad indígena, originaria, wayuu, warao",
        "indígena, indígenas, mulher indígena, mulheres indígenas, povo indígena, povos indígenas, povos originários, "
        "aldeia, aldeado, warao",
        "indigenous, indigenous woman, indigenous women, indigenous people, indigenous peoples, native, first nations",
        "masyarakat adat, komunitas adat, perempuan adat, suku adat, orang asli",
    ),
    "afro-descendants": _t(
        "afrodescendiente, afrodescendientes, afro, afrocolombiana, afrocolombiano, afroperuana, afroperuano, "
        "afromexicana, afromexicano, garífuna, garifuna, mujer afro, mujeres afro, comunidad afro",
        "afrodescendente, afrodescendentes, afro, quilombola, quilombolas, quilombo, mulher negra, mulheres negras",
        "afro-descendant, afro-descendants, afrodescendant, of african descent, african descent, black woman, "
        "black women",
        "keturunan afrika",
    ),
    # "hombre", "homem", "man" alone name the partner who hits as often ("mi hombre me pega"), and a man hit by his
    # wife finds the helplines by their terms ("soy hombre", "sou homem"): the words for a service for men say so.
    "men-boys": _t(
        "para varones, solo varones, sólo varones, solo para varones",
        "público masculino, para o público masculino, atendimento masculino, só para o público masculino",
        "for men, for males, men only, male only",
        "untuk laki-laki, untuk laki laki, khusus laki-laki, untuk pria, khusus pria",
    ),
    "older-people": _t(
        "adulta mayor, adulto mayor, adultas mayores, adultos mayores, persona mayor, personas mayores, tercera edad, "
        "anciana, ancianas, anciano, ancianos, mujer mayor",
        "idosa, idosas, idoso, idosos, pessoa idosa, pessoas idosas, terceira idade, melhor idade",
        "elderly, older woman, older women, older person, older people, senior, seniors, senior citizen",
        "lansia, lanjut usia, manula, orang lanjut usia, nenek-nenek",
    ),
}

#: Languages services are given in, by ISO 639-1 code where one exists, else ISO 639-3.
LANGUAGE_CODES = [
    "es", "pt", "en", "id", "fr", "ht", "qu", "ay", "gn", "guc", "quc", "yua", "ase",
    "tl", "ceb", "ms", "th", "bn", "my", "rhg", "ar", "fa", "zh", "ko", "ja",
]  # fmt: skip

#: Names CLDR does not have, written by hand.
LANGUAGE_NAME_FALLBACKS = {
    "guc": _t("wayuu (wayuunaiki)", "wayuu (wayuunaiki)", "Wayuu", "Wayuu"),
    "yua": _t("maya yucateco", "maia iucateque", "Yucatec Maya", "Maya Yukatek"),
    "ase": _t(
        "lengua de señas americana", "língua de sinais americana", "American Sign Language", "Bahasa Isyarat Amerika"
    ),
}


def language_names(code: str) -> dict[str, str]:
    """The language's name in each interface language, from Babel, else from the hand-written fallbacks."""
    names = {}
    for language, locale in LOCALES.items():
        name = Locale.parse(locale).languages.get(code) or LANGUAGE_NAME_FALLBACKS[code][language]
        names[language] = name
    return names


def _upsert_with_terms(model, lookup: dict, values: dict, terms: dict[str, str]):
    """Create or update the row of ``model`` that ``lookup`` finds with ``values`` and its seeded search terms
    (``terms``, per language), merged with what staff edited since the last seed (``merged_search_terms``)."""
    from services.models import merged_search_terms, split_search_terms

    row = model.objects.filter(**lookup).first()
    seeded = {language: split_search_terms(text) for language, text in terms.items()}
    before = row.seeded_search_terms if row else {}
    for language, language_terms in seeded.items():
        field = f"search_terms_{FIELD_SUFFIX[language]}"
        current = getattr(row, field) or "" if row else ""
        values[field] = merged_search_terms(current, before.get(language), language_terms)
    if row is not None and before != seeded:
        # The record of the seed alone is written without saving the row: no history line, and no service indexed
        # again, when its terms as the public reads them stay the same.
        model.objects.filter(pk=row.pk).update(seeded_search_terms=seeded)
        row.seeded_search_terms = seeded
    return upsert(model, lookup, {**values, "seeded_search_terms": seeded})


def _upsert_category(slug: str, values: dict):
    """Create or update the category ``slug`` with ``values`` and its seeded search terms (``SEARCH_TERMS``)."""
    from services.models import ServiceCategory

    return _upsert_with_terms(ServiceCategory, {"slug": slug}, values, SEARCH_TERMS[slug])


@transaction.atomic
def load_taxonomy() -> dict[str, int]:
    """Create or update the categories, populations and languages. Returns how many of each there are."""
    from services.models import Language, Population, ServiceCategory

    for main_order, (slug, name, description, children) in enumerate(CATEGORIES, start=1):
        parent = _upsert_category(
            slug,
            {
                "parent": None,
                "order": main_order * 10,
                **translated_fields("name", name),
                **translated_fields("description", description),
            },
        )
        for child_order, (child_slug, child_name, child_description) in enumerate(children, start=1):
            _upsert_category(
                child_slug,
                {
                    "parent": parent,
                    "order": main_order * 10 + child_order,
                    **translated_fields("name", child_name),
                    **translated_fields("description", child_description),
                },
            )
    for order, (code, name) in enumerate(POPULATIONS, start=1):
        values = {"order": order, **translated_fields("name", name)}
        _upsert_with_terms(Population, {"code": code}, values, POPULATION_SEARCH_TERMS.get(code, {}))
    for code in LANGUAGE_CODES:
        upsert(Language, {"code": code}, translated_fields("name", language_names(code)))
    return {
        "categories": ServiceCategory.objects.count(),
        "populations": Population.objects.count(),
        "languages": Language.objects.count(),
    }
