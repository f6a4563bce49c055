// The live region's sentences: what changed between two readings of the facts.
#include "app/a11y/announcer.h"

#include <cstdarg>
#include <cstdio>

#include "app/i18n/strings.h"

namespace fm {
namespace {

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buf[600];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buf, sizeof(buf), fmt, args);
  va_end(args);
  return buf;
}

}  // namespace

const char* announce_kind_name(Announce kind) {
  switch (kind) {
    case Announce::kReady: return "ready";
    case Announce::kRun: return "run";
    case Announce::kEpoch: return "epoch";
    case Announce::kRunEnd: return "end";
    case Announce::kProblem: return "problem";
    case Announce::kPrediction: return "prediction";
    case Announce::kLesson: return "lesson";
  }
  return "";
}

std::vector<Announcement> Announcer::update(const A11yFacts& now) {
  std::vector<Announcement> out;
  if (first_) {  // nothing to compare with: what is already so is not news
    first_ = false;
    last_ = now;
    return out;
  }
  const A11yFacts& was = last_;
  const auto say = [&out](Announce kind, std::string text) { out.push_back({kind, std::move(text)}); };
  if (now.ready && !was.ready) say(Announce::kReady, tr(Str::kA11yReady));
  const bool new_run = now.run != was.run;
  if (now.training && (!was.training || new_run)) {
    say(Announce::kRun, format(tr(Str::kA11yFmtStarted), now.model.c_str(), now.epochs));
  } else if (now.training && now.paused && !was.paused) {
    say(Announce::kRun, tr(Str::kA11yPaused));
  } else if (now.training && !now.paused && was.paused) {
    say(Announce::kRun, tr(Str::kA11yResumed));
  }
  if (now.epochs_done > (new_run ? 0 : was.epochs_done) && std::isfinite(now.val_acc) && !now.run_over) {
    say(Announce::kEpoch, format(tr(Str::kA11yFmtEpoch), now.epochs_done, now.epochs, 100 * now.val_acc));
  }
  if (now.run_over && (!was.run_over || new_run)) {
    if (std::isfinite(now.test_acc)) {
      say(Announce::kRunEnd, format(tr(Str::kA11yFmtDone), now.epochs_done, 100 * now.val_acc, 100 * now.test_acc));
    } else {
      say(Announce::kRunEnd, format(tr(Str::kA11yFmtDoneNoTest), now.epochs_done, 100 * now.val_acc));
    }
  }
  if (now.diverged && (!was.diverged || new_run)) {
    say(Announce::kProblem, format(tr(Str::kA11yFmtDiverged), now.divergence.c_str()));
  } else if (!now.error.empty() && now.error != was.error &&
             (now.divergence.empty() || now.error.find(now.divergence) == std::string::npos)) {
    say(Announce::kProblem, format(tr(Str::kA11yFmtError), now.error.c_str()));
  }
  if (now.input_key != was.input_key && !now.top_name.empty() && std::isfinite(now.top_prob)) {
    say(Announce::kPrediction, format(tr(Str::kA11yFmtPrediction), now.top_name.c_str(), 100 * now.top_prob));
  }
  static const Str kTitles[] = {Str::kLessonStep1Title, Str::kLessonStep2Title, Str::kLessonStep3Title,
                                Str::kLessonStep4Title, Str::kLessonStep5Title};
  for (size_t s = 1; s < now.lesson.size(); ++s) {
    if (now.lesson[s].empty() || now.lesson[s] == was.lesson[s]) continue;
    say(Announce::kLesson, format(tr(Str::kA11yFmtLessonResult), tr(kTitles[s - 1]), now.lesson[s].c_str()));
  }
  last_ = now;
  return out;
}

}  // namespace fm
