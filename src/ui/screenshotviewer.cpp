#include "ui/screenshotviewer.h"

#include "ui/screenshotviewercanvas.h"
#include "ui/theme.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ascend::ui {

namespace {

const QString kSaveDirKey = QStringLiteral("feedback/screenshotSaveDirectory");

QToolButton *toolButton(const QString &text, const QString &accessibleName, const QString &toolTip,
                        QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setMinimumWidth(30);
    return button;
}

QString normalizedSuffix(const QString &suffix)
{
    const QString s = suffix.toLower();
    if (s == QLatin1String("jpeg"))
        return QStringLiteral("jpg");
    return s.isEmpty() ? QStringLiteral("png") : s;
}

QKeySequence keys(Qt::KeyboardModifiers modifiers, Qt::Key key)
{
    return QKeySequence(QKeyCombination(modifiers, key));
}

} // namespace

ScreenshotViewer::ScreenshotViewer(QWidget *parent)
    : QWidget(parent)
    , m_previous(toolButton(QString(), tr("Previous screenshot"), tr("Previous screenshot (Left)"), this))
    , m_position(new QLabel(this))
    , m_next(toolButton(QString(), tr("Next screenshot"), tr("Next screenshot (Right)"), this))
    , m_zoomOut(toolButton(QStringLiteral("−"), tr("Zoom out"), tr("Zoom out (Ctrl+-)"), this))
    , m_zoomLabel(new QLabel(this))
    , m_zoomIn(toolButton(QStringLiteral("+"), tr("Zoom in"), tr("Zoom in (Ctrl+=)"), this))
    , m_fit(toolButton(tr("Fit"), tr("Fit to window"), tr("Show the whole screenshot (Ctrl+0)"), this))
    , m_actualSize(
          toolButton(tr("100%"), tr("Actual size"), tr("One screenshot pixel per screen pixel"), this))
    , m_save(new QPushButton(tr("Save As…"), this))
    , m_canvas(new ScreenshotCanvas(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("screenshotViewer"));
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_previous->setObjectName(QStringLiteral("screenshotPrevious"));
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_next->setObjectName(QStringLiteral("screenshotNext"));
    m_position->setObjectName(QStringLiteral("screenshotPosition"));
    m_position->setAccessibleName(tr("Screenshot number"));
    m_position->setAlignment(Qt::AlignCenter);
    m_position->setMinimumWidth(m_position->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(88).arg(88)) +
                                8);
    m_zoomOut->setObjectName(QStringLiteral("screenshotZoomOut"));
    m_zoomIn->setObjectName(QStringLiteral("screenshotZoomIn"));
    m_zoomLabel->setObjectName(QStringLiteral("screenshotZoom"));
    m_zoomLabel->setAccessibleName(tr("Zoom level"));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("1600%")) + 8);
    theme::bindColor(m_zoomLabel, QPalette::WindowText, theme::textSecondary);
    m_fit->setObjectName(QStringLiteral("screenshotFit"));
    m_fit->setCheckable(true);
    m_actualSize->setObjectName(QStringLiteral("screenshotActualSize"));
    m_actualSize->setCheckable(true);
    m_save->setObjectName(QStringLiteral("screenshotSave"));
    m_save->setAccessibleName(tr("Save the screenshot as a file"));
    m_save->setToolTip(tr("Saves the screenshot exactly as downloaded."));
    m_save->setAutoDefault(false);
    m_status->setObjectName(QStringLiteral("screenshotStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *bar = new QHBoxLayout;
    bar->setSpacing(4);
    bar->addWidget(m_previous);
    bar->addWidget(m_position);
    bar->addWidget(m_next);
    bar->addStretch(1);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(m_zoomIn);
    bar->addSpacing(6);
    bar->addWidget(m_fit);
    bar->addWidget(m_actualSize);
    bar->addSpacing(12);
    bar->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_zoomOut);
    setTabOrder(m_zoomOut, m_zoomIn);
    setTabOrder(m_zoomIn, m_fit);
    setTabOrder(m_fit, m_actualSize);
    setTabOrder(m_actualSize, m_save);
    setTabOrder(m_save, m_canvas);

    connect(m_previous, &QToolButton::clicked, this, &ScreenshotViewer::previous);
    connect(m_next, &QToolButton::clicked, this, &ScreenshotViewer::next);
    connect(m_zoomIn, &QToolButton::clicked, this, &ScreenshotViewer::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, this, &ScreenshotViewer::zoomOut);
    connect(m_fit, &QToolButton::clicked, this, &ScreenshotViewer::fitToWindow);
    connect(m_actualSize, &QToolButton::clicked, this, &ScreenshotViewer::zoomToActualSize);
    connect(m_save, &QPushButton::clicked, this, &ScreenshotViewer::saveAs);
    connect(m_canvas, &ScreenshotCanvas::zoomChanged, this, &ScreenshotViewer::updateControls);
    connect(m_canvas, &ScreenshotCanvas::retryRequested, this, [this] {
        if (m_current < 0)
            return;
        m_entries[m_current].error.clear();
        m_entries[m_current].requested = false;
        showCurrent();
    });

    const auto shortcut = [this](const QKeySequence &sequence, auto slot) {
        auto *s = new QShortcut(sequence, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Left), &ScreenshotViewer::previous);
    shortcut(QKeySequence(Qt::Key_Right), &ScreenshotViewer::next);
    shortcut(keys(Qt::ControlModifier, Qt::Key_Equal), &ScreenshotViewer::zoomIn);
    shortcut(keys(Qt::ControlModifier, Qt::Key_Plus), &ScreenshotViewer::zoomIn);
    shortcut(keys(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Plus), &ScreenshotViewer::zoomIn);
    shortcut(keys(Qt::ControlModifier, Qt::Key_Minus), &ScreenshotViewer::zoomOut);
    shortcut(keys(Qt::ControlModifier, Qt::Key_0), &ScreenshotViewer::fitToWindow);

    clear();
}

void ScreenshotViewer::setImageCount(int count, const QString &suggestedBaseName)
{
    m_entries = QList<Entry>(qMax(0, count));
    m_baseName = suggestedBaseName;
    m_current = count > 0 ? 0 : -1;
    m_status->hide();
    showCurrent();
    emit currentIndexChanged(m_current);
}

void ScreenshotViewer::setImage(int index, const QImage &image, const QByteArray &originalBytes,
                                const QString &suffix)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Entry &entry = m_entries[index];
    entry.image = image.isNull() ? QImage::fromData(originalBytes) : image;
    entry.bytes = originalBytes;
    entry.suffix = normalizedSuffix(suffix);
    entry.error =
        entry.image.isNull() ? tr("The screenshot could not be decoded; it may be damaged.") : QString();
    entry.requested = true;
    if (index == m_current)
        showCurrent();
}

void ScreenshotViewer::setImageError(int index, const QString &message)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Entry &entry = m_entries[index];
    entry.image = QImage();
    entry.bytes.clear();
    entry.error = message.isEmpty() ? tr("The screenshot could not be loaded.") : message;
    entry.requested = false;
    if (index == m_current)
        showCurrent();
}

void ScreenshotViewer::setCurrentIndex(int index)
{
    if (m_entries.isEmpty())
        return;
    index = std::clamp(index, 0, int(m_entries.size()) - 1);
    if (index == m_current)
        return;
    m_current = index;
    showCurrent();
    emit currentIndexChanged(index);
}

void ScreenshotViewer::clear()
{
    m_entries.clear();
    m_current = -1;
    m_baseName.clear();
    m_status->hide();
    showCurrent();
}

bool ScreenshotViewer::isLoaded(int index) const
{
    return index >= 0 && index < m_entries.size() && !m_entries.at(index).image.isNull();
}

QString ScreenshotViewer::errorText(int index) const
{
    return index >= 0 && index < m_entries.size() ? m_entries.at(index).error : QString();
}

QString ScreenshotViewer::positionText() const
{
    if (m_current < 0)
        return {};
    return tr("%1 of %2").arg(m_current + 1).arg(m_entries.size());
}

void ScreenshotViewer::showCurrent()
{
    if (m_current < 0) {
        m_canvas->showEmpty(tr("No screenshots"));
    } else {
        const Entry &entry = m_entries.at(m_current);
        if (!entry.image.isNull())
            m_canvas->showImage(entry.image);
        else if (!entry.error.isEmpty())
            m_canvas->showError(entry.error);
        else
            m_canvas->showLoading(
                tr("Loading screenshot %1 of %2…").arg(m_current + 1).arg(m_entries.size()));
    }
    m_canvas->setAccessibleName(m_current < 0
                                    ? tr("Screenshot")
                                    : tr("Screenshot %1 of %2").arg(m_current + 1).arg(m_entries.size()));
    updateControls();
    requestIfNeeded();
}

void ScreenshotViewer::requestIfNeeded()
{
    // Asked for on the next turn of the event loop, so that a caller that sets the image right after
    // setImageCount() or setCurrentIndex() does not start a download for nothing.
    if (m_requestQueued)
        return;
    m_requestQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_requestQueued = false;
        if (m_current < 0 || m_current >= m_entries.size())
            return;
        Entry &entry = m_entries[m_current];
        if (!entry.image.isNull() || !entry.error.isEmpty() || entry.requested)
            return;
        entry.requested = true;
        emit imageNeeded(m_current);
    });
}

void ScreenshotViewer::updateControls()
{
    const bool any = m_current >= 0;
    const bool loaded = isLoaded(m_current);
    m_position->setText(positionText());
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    m_previous->setToolTip(m_current == 0 ? tr("Previous submission (Left)")
                                          : tr("Previous screenshot (Left)"));
    m_next->setToolTip(m_current == m_entries.size() - 1 ? tr("Next submission (Right)")
                                                         : tr("Next screenshot (Right)"));
    for (QToolButton *button : {m_zoomOut, m_zoomIn, m_fit, m_actualSize})
        button->setEnabled(loaded);
    m_save->setEnabled(loaded);
    m_zoomLabel->setText(loaded ? QStringLiteral("%1%").arg(qRound(m_canvas->zoom() * 100)) : QString());
    m_fit->setChecked(loaded && m_canvas->isFitToWindow());
    m_actualSize->setChecked(loaded && qAbs(m_canvas->zoom() - 1.0) < 0.001);
}

bool ScreenshotViewer::isFitToWindow() const
{
    return m_canvas->isFitToWindow();
}

qreal ScreenshotViewer::zoom() const
{
    return m_canvas->zoom();
}

QTransform ScreenshotViewer::imageTransform() const
{
    return m_canvas->imageTransform();
}

void ScreenshotViewer::fitToWindow()
{
    m_canvas->fitToWindow();
    updateControls();
}

void ScreenshotViewer::zoomToActualSize()
{
    m_canvas->setZoom(1.0);
    updateControls();
}

void ScreenshotViewer::zoomIn()
{
    m_canvas->zoomIn();
}

void ScreenshotViewer::zoomOut()
{
    m_canvas->zoomOut();
}

void ScreenshotViewer::next()
{
    if (m_current < 0)
        return;
    if (m_current + 1 < m_entries.size())
        setCurrentIndex(m_current + 1);
    else
        emit navigateBeyond(+1);
}

void ScreenshotViewer::previous()
{
    if (m_current < 0)
        return;
    if (m_current > 0)
        setCurrentIndex(m_current - 1);
    else
        emit navigateBeyond(-1);
}

QString ScreenshotViewer::suggestedFileName(int index) const
{
    const QString base = m_baseName.isEmpty() ? QStringLiteral("screenshot") : m_baseName;
    const QString suffix = index >= 0 && index < m_entries.size() ? m_entries.at(index).suffix : QString();
    return QStringLiteral("%1-%2.%3").arg(base).arg(index + 1).arg(normalizedSuffix(suffix));
}

bool ScreenshotViewer::saveCurrentTo(const QString &path, QString *errorString)
{
    QString problem;
    if (!isLoaded(m_current)) {
        problem = tr("the screenshot has not been loaded yet");
    } else {
        const Entry &entry = m_entries.at(m_current);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            problem = file.errorString();
        } else {
            // The bytes as downloaded; an image handed over without them is written as PNG.
            const bool written = entry.bytes.isEmpty() ? entry.image.save(&file, "PNG")
                                                       : file.write(entry.bytes) == entry.bytes.size();
            if (!written || !file.commit())
                problem = file.errorString();
        }
    }
    if (!problem.isEmpty()) {
        const QString message =
            tr("Could not save the screenshot to %1: %2.").arg(QDir::toNativeSeparators(path), problem);
        if (errorString)
            *errorString = message;
        showStatus(message, true);
        return false;
    }
    showStatus(tr("Saved to %1").arg(QDir::toNativeSeparators(path)), false);
    emit saved(path);
    return true;
}

void ScreenshotViewer::saveAs()
{
    if (!isLoaded(m_current))
        return;
    const QString suffix =
        m_entries.at(m_current).bytes.isEmpty() ? QStringLiteral("png") : m_entries.at(m_current).suffix;
    QString filter;
    if (suffix == QLatin1String("png"))
        filter = tr("PNG images (*.png)");
    else if (suffix == QLatin1String("jpg"))
        filter = tr("JPEG images (*.jpg *.jpeg)");
    else
        filter = tr("Images (*.%1)").arg(suffix);
    QSettings settings;
    const QString directory =
        settings.value(kSaveDirKey, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
            .toString();
    QString name = suggestedFileName(m_current);
    name = QFileInfo(name).completeBaseName() + QLatin1Char('.') + suffix;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save Screenshot"), QDir(directory).filePath(name), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    settings.setValue(kSaveDirKey, QFileInfo(path).absolutePath());
    saveCurrentTo(path);
}

void ScreenshotViewer::copyImage()
{
    if (!isLoaded(m_current))
        return;
    QGuiApplication::clipboard()->setImage(m_entries.at(m_current).image);
    showStatus(tr("Copied the screenshot."), false);
}

QString ScreenshotViewer::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

void ScreenshotViewer::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    theme::bindColor(m_status, QPalette::WindowText, error ? theme::errorText : theme::textSecondary);
    m_status->setVisible(!text.isEmpty());
}

void ScreenshotViewer::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_canvas->geometry().contains(event->pos()) || !isLoaded(m_current)) {
        QWidget::contextMenuEvent(event);
        return;
    }
    QMenu menu(this);
    menu.addAction(tr("Copy Image"), this, &ScreenshotViewer::copyImage);
    menu.addAction(tr("Save As…"), this, &ScreenshotViewer::saveAs);
    menu.addSeparator();
    menu.addAction(tr("Fit to Window"), this, &ScreenshotViewer::fitToWindow);
    menu.addAction(tr("Actual Size"), this, &ScreenshotViewer::zoomToActualSize);
    menu.exec(event->globalPos());
}

} // namespace ascend::ui
