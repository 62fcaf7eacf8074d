#pragma once
// A macOS .pkg carries no Info.plist Ascend can read, so the person says what it is: bundle ID, version,
// build number and platform.

#include "core/upload/buildfileinfo.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ascend::ui {

class PkgMetadataDialog : public QDialog {
    Q_OBJECT
public:
    explicit PkgMetadataDialog(const QString &fileName, QWidget *parent = nullptr);

    upload::BuildMetadata metadata() const;
    // Empty when the form is complete; otherwise what is missing or wrong.
    QString validationError() const;

    QLineEdit *bundleIdEdit() const { return m_bundleId; }
    QLineEdit *versionEdit() const { return m_version; }
    QLineEdit *buildEdit() const { return m_build; }

private:
    void validate();

    QLineEdit *m_bundleId;
    QLineEdit *m_version;
    QLineEdit *m_build;
    QComboBox *m_platform;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace ascend::ui
