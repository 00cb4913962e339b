// SPDX-FileCopyrightText: 2026 Terahall contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/preferencesdialog.h"

#include "views/i18n/languagemanager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace th {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_initial(LanguageManager::languageSetting())
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));

    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const QString &language : LanguageManager::availableLanguages()) {
        if (language == QLatin1String("system")) {
            const QLocale system = QLocale::system();
            m_language->addItem(tr("System default (%1)").arg(system.nativeLanguageName()), language);
        } else {
            m_language->addItem(LanguageManager::nativeName(language), language);
        }
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initial)));

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("languageNote"));
    m_note->setWordWrap(true);

    auto *group = new QGroupBox(tr("User interface"));
    auto *form = new QFormLayout(group);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(group);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateNote);
    updateNote();
    setMinimumWidth(420);
}

void PreferencesDialog::updateNote()
{
    const bool changed = m_language->currentData().toString() != m_initial;
    m_note->setText(changed ? tr("<b>The new language applies the next time Terahall starts.</b> Numbers, dates and units "
                                 "follow the language's locale.")
                            : tr("The language applies the next time Terahall starts. Numbers, dates and units follow "
                                 "the language's locale. The command line (terahall estimate, evaluate, …) always "
                                 "answers in English."));
}

void PreferencesDialog::apply()
{
    LanguageManager::setLanguageSetting(m_language->currentData().toString());
}

} // namespace th
