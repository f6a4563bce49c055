// The page's colours without ImGui: the theme's roles (applied by theme.cpp over ImGui's dark
// style) and the panels' own text and button colours, with the list of which text is drawn over
// which background, so that a native test (tests/test_contrast.cpp) measures every pair against
// WCAG's 4.5:1 for body text. Disabled controls (drawn at ImGui's DisabledAlpha) are exempt, as
// WCAG exempts inactive components.
#pragma once

namespace fm::palette {

struct Color {
  float r, g, b, a;
};
constexpr Color rgb8(int r, int g, int b, int a = 255) { return {r / 255.0f, g / 255.0f, b / 255.0f, a / 255.0f}; }
// From a to b by t, channel by channel (as the confusion matrix shades its cells).
constexpr Color mix(const Color& a, const Color& b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1.0f};
}

// --- ImGui roles (theme.cpp sets these; the rest stay ImGui's dark style)
constexpr Color kText{1.00f, 1.00f, 1.00f, 1.00f};
// 0.60 grey (ImGui's 0.50 gave 3.9:1 on the menu bar, 3.4:1 in a field): hints are body text here.
constexpr Color kTextDisabled{0.60f, 0.60f, 0.60f, 1.00f};
constexpr Color kWindowBg{0.06f, 0.06f, 0.06f, 0.94f};  // drawn opaque: the clear colour is its RGB
constexpr Color kPopupBg{0.08f, 0.08f, 0.08f, 0.94f};
constexpr Color kMenuBarBg{0.14f, 0.14f, 0.14f, 1.00f};
constexpr Color kTitleBg{0.04f, 0.04f, 0.04f, 1.00f};        // a panel's title bar
constexpr Color kTitleBgActive{0.16f, 0.29f, 0.48f, 1.00f};  // the focused panel's
constexpr Color kFrameBg{0.16f, 0.29f, 0.48f, 0.54f};
constexpr Color kFrameBgHovered{0.26f, 0.59f, 0.98f, 0.40f};
constexpr Color kFrameBgActive{0.26f, 0.59f, 0.98f, 0.67f};
constexpr Color kButton{0.26f, 0.59f, 0.98f, 0.40f};
// ImGui's hovered and pressed blues (0.26, 0.59, 0.98) gave white text 3.0:1 and 3.6:1: darker.
constexpr Color kButtonHovered{0.20f, 0.45f, 0.80f, 1.00f};
constexpr Color kButtonActive{0.14f, 0.36f, 0.68f, 1.00f};
constexpr Color kHeader{0.26f, 0.59f, 0.98f, 0.31f};
constexpr Color kHeaderHovered{0.20f, 0.45f, 0.80f, 0.80f};
constexpr Color kHeaderActive{0.20f, 0.45f, 0.80f, 1.00f};
constexpr Color kTab{0.18f, 0.35f, 0.58f, 0.86f};
constexpr Color kTabHovered = kHeaderHovered;
constexpr Color kTabActive{0.20f, 0.41f, 0.68f, 1.00f};
constexpr Color kTextSelectedBg{0.26f, 0.59f, 0.98f, 0.35f};
// A progress bar's fill (its text is drawn over it): ImGui's amber gave white text 1.9:1.
constexpr Color kPlotHistogram{0.20f, 0.45f, 0.80f, 1.00f};

// --- The panels' own colours
constexpr Color kGood = rgb8(90, 200, 110);
constexpr Color kBad = rgb8(245, 105, 95);  // was (235, 85, 75): 4.4:1 on the menu bar
constexpr Color kTitle{0.55f, 0.78f, 1.00f, 1.00f};  // the app's name, "the lesson is running"
constexpr Color kTrainButton = rgb8(40, 120, 70);
constexpr Color kTrainButtonHovered = rgb8(45, 130, 78);  // was (55, 150, 90): 3.7:1
constexpr Color kLessonButton = rgb8(50, 80, 140);
constexpr Color kCompareButton = rgb8(95, 70, 150);
constexpr Color kCompareButtonHovered = rgb8(120, 90, 185);
constexpr Color kCompareBar = rgb8(120, 90, 190);
constexpr Color kRunProgress = rgb8(45, 110, 190);  // was (50, 120, 200): 4.51:1, no margin
constexpr Color kErrorNoticeBg = rgb8(90, 24, 24, 245);
constexpr Color kWarningNoticeBg = rgb8(92, 70, 18, 245);
constexpr Color kLessonWindowBg = rgb8(22, 24, 32, 250);
// The confusion matrix: a cell is shaded from kCellBase towards right (diagonal) or wrong by the
// square root of its share of the row; its count is white above kCellWhiteShare, else dim.
constexpr Color kCellBase = rgb8(28, 30, 38);
constexpr Color kCellRight = rgb8(30, 125, 75);  // was (40, 150, 90): white counts 3.7:1
constexpr Color kCellWrong = rgb8(195, 58, 50);  // was (210, 70, 60): white counts 4.49:1
constexpr Color kCellCountDim = rgb8(200, 200, 205);
constexpr float kCellWhiteShare = 0.35f;
constexpr float kCellWhiteMix = 0.5916f;  // sqrt(0.35): the brightest cell with a dim count

// Text drawn over a background, itself drawn over `under` (a translucent role over the window;
// the window over the page's clear colour, its own RGB).
struct TextPair {
  const char* what;
  Color text, bg, under;
};
constexpr Color kOpaqueWindow{kWindowBg.r, kWindowBg.g, kWindowBg.b, 1.0f};
constexpr TextPair kTextPairs[] = {
    {"text / window", kText, kWindowBg, kOpaqueWindow},
    {"text / popup", kText, kPopupBg, kOpaqueWindow},
    {"text / menu bar", kText, kMenuBarBg, kOpaqueWindow},
    {"text / title bar", kText, kTitleBg, kOpaqueWindow},
    {"text / title bar active", kText, kTitleBgActive, kOpaqueWindow},
    {"text / field", kText, kFrameBg, kOpaqueWindow},
    {"text / field hovered", kText, kFrameBgHovered, kOpaqueWindow},
    {"text / field active", kText, kFrameBgActive, kOpaqueWindow},
    {"text / selected text", kText, kTextSelectedBg, kOpaqueWindow},
    {"text / button", kText, kButton, kOpaqueWindow},
    {"text / button hovered", kText, kButtonHovered, kOpaqueWindow},
    {"text / button pressed", kText, kButtonActive, kOpaqueWindow},
    {"text / header", kText, kHeader, kOpaqueWindow},
    {"text / header hovered", kText, kHeaderHovered, kOpaqueWindow},
    {"text / header active", kText, kHeaderActive, kOpaqueWindow},
    {"text / tab", kText, kTab, kOpaqueWindow},
    {"text / tab hovered", kText, kTabHovered, kOpaqueWindow},
    {"text / tab active", kText, kTabActive, kOpaqueWindow},
    {"text / progress fill", kText, kPlotHistogram, kOpaqueWindow},
    {"hint / window", kTextDisabled, kWindowBg, kOpaqueWindow},
    {"hint / popup", kTextDisabled, kPopupBg, kOpaqueWindow},
    {"hint / menu bar", kTextDisabled, kMenuBarBg, kOpaqueWindow},
    {"hint / field", kTextDisabled, kFrameBg, kOpaqueWindow},
    {"hint / lesson", kTextDisabled, kLessonWindowBg, kOpaqueWindow},
    {"good / window", kGood, kWindowBg, kOpaqueWindow},
    {"bad / window", kBad, kWindowBg, kOpaqueWindow},
    {"good / lesson", kGood, kLessonWindowBg, kOpaqueWindow},
    {"bad / lesson", kBad, kLessonWindowBg, kOpaqueWindow},
    {"bad / menu bar", kBad, kMenuBarBg, kOpaqueWindow},
    {"title / menu bar", kTitle, kMenuBarBg, kOpaqueWindow},
    {"title / lesson", kTitle, kLessonWindowBg, kOpaqueWindow},
    {"text / Train", kText, kTrainButton, kOpaqueWindow},
    {"text / Train hovered", kText, kTrainButtonHovered, kOpaqueWindow},
    {"text / Lesson button", kText, kLessonButton, kOpaqueWindow},
    {"text / Compare button", kText, kCompareButton, kOpaqueWindow},
    {"text / Compare hovered", kText, kCompareButtonHovered, kOpaqueWindow},
    {"text / Compare bar", kText, kCompareBar, kOpaqueWindow},
    {"text / run progress", kText, kRunProgress, kOpaqueWindow},
    {"text / error notice", kText, kErrorNoticeBg, kOpaqueWindow},
    {"text / warning notice", kText, kWarningNoticeBg, kOpaqueWindow},
    {"text / lesson", kText, kLessonWindowBg, kOpaqueWindow},
    {"count / all right", kText, kCellRight, kOpaqueWindow},
    {"count / all wrong", kText, kCellWrong, kOpaqueWindow},
    {"count / right, 35 %", kText, mix(kCellBase, kCellRight, kCellWhiteMix), kOpaqueWindow},
    {"dim count / right, 35 %", kCellCountDim, mix(kCellBase, kCellRight, kCellWhiteMix), kOpaqueWindow},
    {"dim count / wrong, 35 %", kCellCountDim, mix(kCellBase, kCellWrong, kCellWhiteMix), kOpaqueWindow},
    {"dim count / empty cell", kCellCountDim, kCellBase, kOpaqueWindow},
};

}  // namespace fm::palette
