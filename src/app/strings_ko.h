// The Korean texts: FM_KO(id, text), one row per id of strings_table.h. Included once, by
// strings.cpp, which refuses to compile while an id has no row.
// Written for this page in our own words; class names as in tests/reference/README.md. Same
// printf arguments, in the same order, as the English row.

// --- application ---
FM_KO(kAppTitle, "fmnist-wasm")
FM_KO(kFmtDatasetCounts, "Fashion-MNIST %d\xC3\x97%d: 훈련 %s + 검증 %s, 테스트 %s")
FM_KO(kFmtFps, "%.0f fps")
FM_KO(kMenuAbout, "정보")
FM_KO(kLoadingData, "Fashion-MNIST 데이터를 불러오는 중...")
FM_KO(kFatalTitle, "데이터를 불러올 수 없습니다")
FM_KO(kFatalHint, "이 페이지는 index.html 옆에 fashion-mnist-14.bin 파일이 있어야 합니다. `make`로 "
                  "만들거나 `make run`(빌드한 뒤 페이지를 띄움)을 실행하고 새로고침하세요.")
FM_KO(kDismiss, "닫기")
FM_KO(kClose, "닫기")
FM_KO(kYes, "예")
FM_KO(kNo, "아니요")

// --- panels ---
FM_KO(kPanelTraining, "훈련")
FM_KO(kPanelPlots, "실시간 그래프")
FM_KO(kPanelSamples, "샘플")
FM_KO(kPanelConfusion, "혼동 행렬")
FM_KO(kPanelWeights, "가중치")
FM_KO(kPanelCanvas, "그림판")

// --- class names (tests/reference/README.md) ---
FM_KO(kClass0, "티셔츠")
FM_KO(kClass1, "바지")
FM_KO(kClass2, "스웨터")
FM_KO(kClass3, "드레스")
FM_KO(kClass4, "코트")
FM_KO(kClass5, "샌들")
FM_KO(kClass6, "셔츠")
FM_KO(kClass7, "스니커즈")
FM_KO(kClass8, "가방")
FM_KO(kClass9, "앵클 부츠")

// --- training panel ---
FM_KO(kLabelModel, "모델")
FM_KO(kLabelHidden, "은닉층")
FM_KO(kLabelOptimizer, "옵티마이저")
FM_KO(kLabelLearningRate, "학습률")
FM_KO(kLabelBatch, "배치 크기")
FM_KO(kLabelEpochs, "에포크")
FM_KO(kLabelSeed, "시드")
FM_KO(kLabelInput, "입력 크기")
FM_KO(kModelSoftmax, "소프트맥스 회귀")
FM_KO(kModelMlp, "MLP (은닉층 포함)")
FM_KO(kModelSoftmaxShort, "소프트맥스 모델")
FM_KO(kModelMlpShort, "MLP")
FM_KO(kOptSgd, "SGD")
FM_KO(kOptRmsprop, "RMSprop")
FM_KO(kOptAdam, "Adam")
FM_KO(kFmtLayers, "%d개 층")
FM_KO(kTipWidth, "이 은닉층의 유닛 수 (ReLU)")
FM_KO(kTipLive, "훈련 중에도 바꿀 수 있습니다: 다음 배치부터 적용됩니다")
FM_KO(kSide14, "14\xC3\x97" "14 (축소, 빠름)")
FM_KO(kSide28, "28\xC3\x97" "28 (원래 크기, 약 30 MB 다운로드)")
FM_KO(kFmtDownloading28, "28\xC3\x97" "28 데이터 다운로드 중: %.1f / %.1f MB")
FM_KO(kButtonTrain, "훈련")
FM_KO(kButtonPause, "일시정지")
FM_KO(kButtonResume, "계속")
FM_KO(kButtonStepEpoch, "+1 에포크")
FM_KO(kButtonReset, "초기화")
FM_KO(kButtonContinue, "마지막 정상 에포크부터 계속")
FM_KO(kTipTrain, "새 가중치로 새 훈련을 시작합니다 (Space)")
FM_KO(kTipStepEpoch, "한 에포크 더 훈련하고 멈춥니다")
FM_KO(kHintPressTrain, "훈련(또는 Space)을 누르면 이미지 48,000개로 모델을 훈련합니다. 12,000개는 검증용으로 "
                       "남겨 둡니다.")
FM_KO(kFmtEpochBatch, "에포크 %d / %d - 배치 %lld / %lld")
FM_KO(kPhaseIdle, "대기")
FM_KO(kPhaseTraining, "훈련 중")
FM_KO(kPhaseValidating, "검증 중")
FM_KO(kPhaseTesting, "테스트 중")
FM_KO(kPhasePaused, "일시정지됨")
FM_KO(kPhaseDone, "완료")
FM_KO(kPhaseDiverged, "발산")
FM_KO(kPhaseHidden, "기다리는 중 (탭이 숨겨짐)")
FM_KO(kFmtRateEta, "초당 샘플 %s개, %.0f초 남음")
FM_KO(kFmtRate, "초당 샘플 %s개")
FM_KO(kFmtCompute, "계산 %.1f초, 파라미터 %s개, 프레임당 %.1f ms")
FM_KO(kFmtLastEpoch, "에포크 %d 정확도: 훈련 %.4f, 검증 %.4f")
FM_KO(kFmtTestAcc, "테스트 정확도 %.4f")
FM_KO(kDivergedText, "훈련이 발산해서 멈췄습니다:")
FM_KO(kFmtDataLine, "데이터: Fashion-MNIST %d\xC3\x97%d, 훈련 이미지 %s개 + 검증 이미지 %s개, 테스트 이미지 %s개.")
FM_KO(kHintKeys, "키: Space는 훈련/일시정지, C는 그림판 지우기.")

// --- plots ---
FM_KO(kHintPlots, "훈련하는 동안 곡선이 그려집니다.")
FM_KO(kHintFirstEpoch, "에포크별 점은 첫 검증이 끝나면 나타납니다.")
FM_KO(kFmtPlotSummary, "에포크 %d: 검증 손실 %.4f, 정확도 %.4f.")
FM_KO(kPlotLoss, "손실")
FM_KO(kPlotLossAxis, "(크로스 엔트로피)")
FM_KO(kPlotAccuracy, "정확도")
FM_KO(kPlotAccAxis, "(맞힌 비율)")
FM_KO(kPlotEpochAxis, "에포크")
FM_KO(kSeriesTrainBatch, "훈련, 배치마다 누적 평균")
FM_KO(kSeriesTrainEpoch, "훈련, 에포크마다")
FM_KO(kSeriesVal, "검증, 에포크마다")
FM_KO(kSeriesTest, "테스트")

// --- samples ---
FM_KO(kSplitTrain, "훈련")
FM_KO(kSplitVal, "검증")
FM_KO(kSplitTest, "테스트")
FM_KO(kAllClasses, "모든 클래스")
FM_KO(kModeBrowse, "둘러보기")
FM_KO(kModeHardest, "가장 어려운 예")
FM_KO(kTipHardest, "모델이 가장 자신 있게 틀린 검증 이미지 (검증이 끝난 뒤)")
FM_KO(kFmtCellFilter, "정답 %s, 예측 %s")
FM_KO(kButtonBackToBrowse, "뒤로")
FM_KO(kFmtPage, "%d / %d쪽 (이미지 %s개)")
FM_KO(kNoSamples, "해당하는 이미지가 없습니다.")
FM_KO(kNoMistakesYet, "아직 없습니다: 검증이 끝나면 나타납니다.")
FM_KO(kFmtTipTestImage, "테스트 이미지 #%d")
FM_KO(kFmtTipTrainImage, "훈련 이미지 #%d")
FM_KO(kLabelTruth, "정답")
FM_KO(kLabelPredicted, "예측")
FM_KO(kTipClickToCanvas, "누르면 그림판에 올립니다")

// --- confusion ---
FM_KO(kHintConfusion, "검증 세트의 혼동 행렬은 첫 에포크가 끝나면 나타납니다.")
FM_KO(kFmtConfusionSummary, "에포크 %d 후 검증: 이미지 %s개, 정확도 %.4f")
FM_KO(kConfusionAccHeader, "정확도")
FM_KO(kConfusionAxes, "행: 정답 클래스, 열: 예측 클래스 (0-9)")
FM_KO(kFmtConfusionTip, "정답 %s, 예측 %s: 이미지 %d개")
FM_KO(kTipClickCell, "누르면 이 이미지들을 샘플 패널에 보여 줍니다")

// --- weights ---
FM_KO(kHintWeights, "모델이 훈련을 시작하면 가중치가 나타납니다.")
FM_KO(kWeightsSoftmaxNote, "클래스마다 템플릿 하나: 빨간 픽셀은 점수를 올리고 파란 픽셀은 내립니다.")
FM_KO(kFmtWeightsMlpNote, "첫 은닉층: 유닛 1-%d의 입력 가중치 (빨강은 양수, 파랑은 음수).")
FM_KO(kFmtUnit, "유닛 %d")

// --- canvas ---
FM_KO(kCanvasHint, "여기에 옷을 그려 보세요")
FM_KO(kFmtBrush, "붓 %.0f")
FM_KO(kToolDraw, "그리기")
FM_KO(kToolErase, "지우개")
FM_KO(kButtonClear, "모두 지우기")
FM_KO(kButtonUndo, "되돌리기")
FM_KO(kFillOutlines, "윤곽선 채우기")
FM_KO(kTipFill, "예측하기 전에 닫힌 윤곽선 안을 채웁니다: 데이터 세트의 옷은 속이 찬 실루엣입니다")
FM_KO(kButtonRandomTest, "무작위 테스트 이미지")
FM_KO(kFmtTestImage, "테스트 #%d: %s")
FM_KO(kCanvasNoModel, "모델을 훈련하면 예측이 보입니다.")
FM_KO(kFmtPredictWith, "%s의 예측, %d 에포크 후%s")
FM_KO(kTrainingNow, " (훈련 중)")
FM_KO(kFmtModelInput, "모델 입력 %d\xC3\x97%d")
FM_KO(kTipModelInput, "그림을 데이터 세트의 이미지처럼 잘라 크기를 맞추고 가운데에 놓은 뒤 축소한 것")

// --- about ---
FM_KO(kAboutTitle, "fmnist-wasm 정보")
FM_KO(kAboutText, "브라우저 안에서 Fashion-MNIST로 신경망을 훈련합니다. C++17/Eigen 코어를 WebAssembly로 "
                  "컴파일하고 계산을 프레임마다 조금씩 나눠 해서 페이지가 멈추지 않으며, 화면은 Dear ImGui로 "
                  "그립니다. 어떤 정보도 밖으로 보내지 않습니다. 데이터 세트는 페이지와 함께 한 번 내려받습니다.")
FM_KO(kAboutCredits, "사용한 구성 요소:")
FM_KO(kAboutComponent, "구성 요소")
FM_KO(kAboutLicense, "라이선스")
FM_KO(kCreditFashion, "Fashion-MNIST (Zalando Research), 데이터 세트")
FM_KO(kCreditImgui, "Dear ImGui 1.86 (Omar Cornut)")
FM_KO(kCreditSdl, "SDL 2.26.5 (Sam Lantinga 외)")
FM_KO(kCreditEigen, "Eigen 3.4")
FM_KO(kLicenseMit, "MIT")
FM_KO(kLicenseZlib, "zlib")
FM_KO(kLicenseMpl, "MPL-2.0")
FM_KO(kAboutLicensesFile, "라이선스 전문은 이 페이지 옆의 LICENSES 파일에 있습니다.")
FM_KO(kFmtBuildInfo, "Dear ImGui %s, SDL %d.%d.%d, Eigen %d.%d.%d, WebAssembly SIMD: %s")

// --- errors ---
FM_KO(kErrNoData, "데이터 세트가 아직 로드되지 않았습니다.")
FM_KO(kErrBundle28, "28\xC3\x97" "28 데이터를 불러오지 못했습니다: ")
FM_KO(kErrBundleSide, "번들의 이미지 크기가 요청한 크기와 다릅니다")
FM_KO(kErrApiModel, "model은 'softmax' 또는 'mlp'여야 합니다")
FM_KO(kErrApiHidden, "hidden은 층 너비 1개 또는 2개의 목록이어야 합니다")
FM_KO(kErrApiOptimizer, "optimizer는 'sgd', 'rmsprop', 'adam' 중 하나여야 합니다")
FM_KO(kErrApiLr, "lr은 0보다 크고 1000 이하인 수여야 합니다")
FM_KO(kErrApiSide, "입력 크기는 14 또는 28이어야 합니다")
FM_KO(kErrSideWhileTraining, "훈련 중에는 입력 크기를 바꿀 수 없습니다: 먼저 일시정지하고 초기화하세요")
FM_KO(kErrWholeNumber, "%s: %lld부터 %lld까지의 정수여야 합니다")
FM_KO(kErrTestIndex, "테스트 이미지 번호는 0부터 %lld까지의 정수여야 합니다")
FM_KO(kErrLessonStep, "수업 단계는 1부터 5까지여야 합니다 (0: 전체)")
FM_KO(kErrSdlInit, "SDL을 시작할 수 없습니다: ")
FM_KO(kErrWindow, "창을 만들 수 없습니다: ")
FM_KO(kErrGlContext, "WebGL2를 시작할 수 없습니다: ")

// --- divergence, model files, storage ---
FM_KO(kDivergedTitle, "훈련이 발산했습니다")
FM_KO(kDivergedHint, "이 모델에는 학습률이 너무 큽니다. 아래에서 낮춘 뒤 마지막 정상 가중치(마지막으로 끝난 "
                     "에포크)부터 계속하거나 초기화하세요.")
FM_KO(kButtonExport, "모델 내보내기")
FM_KO(kButtonImport, "모델 가져오기")
FM_KO(kTipExport, "모델 파일을 내려받습니다 (fmnist eval FILE로 읽을 수 있음)")
FM_KO(kTipImport, "이 페이지나 fmnist train --save가 저장한 모델 파일을 불러옵니다")
FM_KO(kErrNoModel, "내보낼 모델이 없습니다: 먼저 훈련하세요.")
FM_KO(kErrImportPrefix, "모델 파일을 받아들이지 않았습니다. 지금 모델을 그대로 둡니다: ")
FM_KO(kErrImportNeeds28, "28\xC3\x97" "28 데이터가 필요합니다: 입력 크기를 28\xC3\x97" "28로 고르고 다운로드가 "
                         "끝나면 다시 가져오세요")
FM_KO(kErrImportEmpty, "파일이 비어 있습니다")
FM_KO(kErrStorageTooLarge, "이 모델은 너무 커서 새로고침 후까지 보관할 수 없습니다 (브라우저 저장 공간이 "
                           "가득 참). 보관하려면 모델 내보내기를 쓰세요.")
FM_KO(kErrNotDiverged, "이어서 학습할 발산한 실행이 없습니다.")
FM_KO(kFmtEngineRefused, "학습 엔진이 '%s' 명령을 거부했습니다 (%s).")
FM_KO(kFmtEngineStopped, "학습 엔진이 멈췄습니다 (%s: %s). 마지막 모델로 계속 예측합니다. "
                         "학습을 누르면 새 엔진이 시작됩니다.")
FM_KO(kPhaseStarting, "실행을 시작하는 중...")
FM_KO(kErrRestore, "저장된 모델을 복원하지 못해 버렸습니다: ")

// --- language, link settings, font credit ---
FM_KO(kLanguageEnglish, "English")
FM_KO(kLanguageKorean, "한국어")
FM_KO(kTipLanguage, "페이지 언어")
FM_KO(kFmtNoticeIgnored, "링크의 설정 중 일부를 무시했습니다: %s")
FM_KO(kReasonUnknownKey, "알 수 없는 설정")
FM_KO(kReasonModel, "softmax 또는 mlp")
FM_KO(kReasonHidden, "1부터 1024까지의 너비 1개 또는 2개, 예: 100 또는 100,50")
FM_KO(kReasonOptimizer, "sgd, rmsprop, adam 중 하나")
FM_KO(kFmtReasonLr, "0보다 크고 %g 이하인 수")
FM_KO(kFmtReasonWhole, "%lld부터 %lld까지의 정수")
FM_KO(kReasonSide, "14 또는 28")
FM_KO(kReasonLang, "en 또는 ko")
FM_KO(kFmtApiMustBe, "%s 값은 %s여야 합니다 (받은 값: %s)")
FM_KO(kCreditFont, "나눔고딕 (NAVER), 이 페이지용 부분 글꼴 \"fmnist-ko\"")
FM_KO(kLicenseOfl, "OFL-1.1")

// --- the guided lesson ---
FM_KO(kMenuLesson, "수업")
FM_KO(kLessonTitle, "수업: Fashion-MNIST로 만드는 첫 신경망")
FM_KO(kLessonIntro, "데이터에서 첫 신경망까지 다섯 단계입니다. 한 단계씩 실행하거나 모두 차례로 실행하세요.")
FM_KO(kLessonRunAll, "모든 단계 실행")
FM_KO(kLessonRun, "실행")
FM_KO(kLessonCancel, "취소")
FM_KO(kLessonRunning, "실행 중...")
FM_KO(kLessonCancelled, "취소했습니다.")
FM_KO(kLessonNeedsData, "데이터를 기다리는 중...")
FM_KO(kFmtReference, "기준값 (%d\xC3\x97%d): %s")
FM_KO(kLessonStep1Title, "1. 데이터")
FM_KO(kLessonStep1Text, "Fashion-MNIST에는 옷을 찍은 작은 흑백 사진 70,000장이 10개 클래스로 나뉘어 있습니다. "
                        "60,000장은 학습용, 10,000장은 마지막 테스트용입니다. 원본은 28\xC3\x97" "28 픽셀이고 "
                        "어두운 배경에 밝은 물건이 있습니다. 28\xC3\x97" "28을 고르지 않으면 이 페이지는 "
                        "14\xC3\x97" "14 사본(2\xC3\x97" "2 블록의 평균을 한 픽셀로)을 씁니다.")
FM_KO(kFmtShapes, "훈련 이미지: %s \xC3\x97 %d \xC3\x97 %d, 레이블: %s. 테스트 이미지: %s \xC3\x97 %d \xC3\x97 %d.")
FM_KO(kLessonFirstTen, "처음 열 개의 훈련 이미지:")
FM_KO(kLessonBalance, "클래스별 이미지 수 (훈련 세트):")
FM_KO(kLessonStep2Title, "2. 로지스틱 회귀와 교차 검증")
FM_KO(kLessonStep2Text, "선형 모델은 클래스마다 점수를 매깁니다: 픽셀의 가중 합입니다. 로그 손실에 대한 확률적 "
                        "경사 하강법으로, 클래스마다 예/아니요 모델을 하나씩(scikit-learn의 SGDClassifier처럼) "
                        "5번 반복해 훈련합니다. 교차 검증은 60,000장을 5개 폴드로 나누고, 네 폴드로 훈련해 나머지 "
                        "한 폴드로 평가하기를 다섯 번 합니다. 그 평균은 한 번 나눈 결과보다 안정적인 추정입니다.")
FM_KO(kFmtFoldDone, "폴드 %d: %.4f")
FM_KO(kFmtFoldRunning, "폴드 %d: 훈련 중")
FM_KO(kFmtCvMean, "평균 정확도: %.4f (%.1f초)")
FM_KO(kLessonStep3Title, "3. 훈련 세트와 검증 세트")
FM_KO(kLessonStep3Text, "테스트 세트를 건드리지 않고 신경망이 배우는 과정을 보려고 훈련 이미지 60,000장 중 "
                        "일부를 떼어 둡니다. 80%는 훈련에, 20%는 검증에 쓰며, 고정된 시드로 무작위로 골라 매번 같은 "
                        "분할을 씁니다.")
FM_KO(kFmtSplit, "훈련: 이미지 %s개. 검증: 이미지 %s개 (시드 %d).")
FM_KO(kLessonStep4Title, "4. 소프트맥스를 쓰는 Dense 층")
FM_KO(kLessonStep4Text, "여전히 클래스마다 가중 합 하나지만, 이제 10개의 점수를 함께 배웁니다. 유닛 10개인 Dense "
                        "층의 소프트맥스가 점수를 확률로 바꾸고, 크로스 엔트로피를 RMSprop(학습률 0.001, 배치 32)으로 "
                        "5 에포크 동안 줄입니다. Keras의 기본값과 같습니다. 실시간 그래프에서 과정을 볼 수 있습니다.")
FM_KO(kFmtDenseEpoch, "에포크 %d: 검증 정확도 %.4f")
FM_KO(kFmtDenseResult, "%d 에포크 후 검증 정확도: %.4f")
FM_KO(kLessonStep5Title, "5. 무엇이 달라졌고, 다음은 무엇인가")
FM_KO(kLessonStep5Text, "두 모델 모두 클래스 사이에 곧은 경계를 긋습니다: 점수가 픽셀의 가중 합이기 때문입니다. "
                        "달라진 것은 가중치를 배우는 방법입니다. 예/아니요 모델 열 개 대신 모든 클래스에 걸친 "
                        "소프트맥스 하나, 미니배치와 적응형 옵티마이저, 그리고 따로 떼어 둔 검증 세트로 평가합니다. "
                        "곧은 경계를 넘어서려면 픽셀과 클래스 사이에 은닉층이 필요합니다. ReLU 유닛 100개로 "
                        "해 본 다음, 그림판에 옷을 그려서 각 모델이 어떻게 보는지 확인해 보세요.")
FM_KO(kLessonAddHidden, "은닉층 준비 (유닛 100개, Adam)")
FM_KO(kLessonHiddenReady, "준비됨: 훈련 패널에서 훈련을 누르세요.")
FM_KO(kLessonGoCanvas, "그림판으로 가기")
