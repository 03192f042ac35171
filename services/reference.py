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


@transaction.atomic
def load_taxonomy() -> dict[str, int]:
    """Create or update the categories, populations and languages. Returns how many of each there are."""
    from services.models import Language, Population, ServiceCategory

    for main_order, (slug, name, description, children) in enumerate(CATEGORIES, start=1):
        parent = upsert(
            ServiceCategory,
            {"slug": slug},
            {
                "parent": None,
                "order": main_order * 10,
                **translated_fields("name", name),
                **translated_fields("description", description),
            },
        )
        for child_order, (child_slug, child_name, child_description) in enumerate(children, start=1):
            upsert(
                ServiceCategory,
                {"slug": child_slug},
                {
                    "parent": parent,
                    "order": main_order * 10 + child_order,
                    **translated_fields("name", child_name),
                    **translated_fields("description", child_description),
                },
            )
    for order, (code, name) in enumerate(POPULATIONS, start=1):
        upsert(Population, {"code": code}, {"order": order, **translated_fields("name", name)})
    for code in LANGUAGE_CODES:
        upsert(Language, {"code": code}, translated_fields("name", language_names(code)))
    return {
        "categories": ServiceCategory.objects.count(),
        "populations": Population.objects.count(),
        "languages": Language.objects.count(),
    }
