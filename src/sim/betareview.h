#pragma once
// Beta App Review as a state machine, and the buildBetaDetails it moves:
//   submission  WAITING_FOR_REVIEW ──reviewSeconds──▶ IN_REVIEW ──reviewSeconds──▶ APPROVED | REJECTED
//   external    WAITING_FOR_BETA_REVIEW           IN_BETA_REVIEW               BETA_APPROVED | BETA_REJECTED
// An approved build that is in an external group goes on to IN_BETA_TESTING. REJECTED is drawn with
// probability rejectRate from a seeded generator. Every externalBuildState change is published as
// BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED.

#include <QObject>
#include <QRandomGenerator>
#include <QString>

namespace ascend::sim {

class SimEvents;
class Store;
struct Record;

struct BetaReviewOptions {
    int reviewSeconds = 5; // per step; 0 still advances asynchronously
    double rejectRate = 0.0;
    quint32 randomSeed = 0x7E57F1u;
};

// The states a build's buildBetaDetail starts in, from its processing state, expiry and audience.
QString initialInternalState(const Record &build);
QString initialExternalState(const Record &build);
// A buildBetaDetail record for the build (id derived from the build's id).
Record makeBuildBetaDetail(const Record &build);

class BetaReview : public QObject {
    Q_OBJECT
public:
    BetaReview(Store &store, SimEvents &events, BetaReviewOptions options, QObject *parent = nullptr);

    // Gives every build without one its buildBetaDetail; resumes reviews that were in progress.
    void reconcile();
    // Creates the buildBetaDetail of one build when it has none.
    void ensureDetail(const QString &buildId);
    // Creates the submission (WAITING_FOR_REVIEW) and starts the clock; returns its id.
    QString submit(const QString &buildId);
    // The build's buildBetaDetail, or null.
    const Record *detailOf(const QString &buildId) const;
    // Sets externalBuildState, publishing the event when the value changes.
    void setExternalState(const QString &buildId, const QString &state);
    void setInternalState(const QString &buildId, const QString &state);
    // After a build joined an external group: approved builds become IN_BETA_TESTING.
    void buildJoinedExternalGroup(const QString &buildId);
    // After PATCH builds expired=true.
    void buildExpired(const QString &buildId);

signals:
    void storeChanged();

private:
    void schedule(const QString &submissionId);
    void advance(const QString &submissionId);
    bool isInExternalGroup(const QString &buildId) const;

    Store &m_store;
    SimEvents &m_events;
    BetaReviewOptions m_options;
    QRandomGenerator m_random;
};

} // namespace ascend::sim
