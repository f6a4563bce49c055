// The message catalogue: FM_MESSAGE(code, English, Korean), one row per code of
// src/core/error_codes.h. No include guard: messages.cpp includes it with its own FM_MESSAGE.
// {0}, {1}, … are the status's parameters (error_codes.h says which is which and in what order)
// and {why} the sentence of its reason; a Korean row uses the same placeholders, in any order.
// The English rows are the CLI's words and tests and tools match on them: change them only with
// those. scripts/make_font.py reads this file too, so every Korean glyph is in the page's font.
// Korean: avoid a particle right after a placeholder (이/가, 을/를 depend on the number's sound).

FM_MESSAGE(kText, "{0}", "{0}")

// --- IDX files ---
FM_MESSAGE(kIdxImagesTooShort, "not an IDX image file (only {0} bytes)",
           "IDX 이미지 파일이 아닙니다 ({0}바이트뿐입니다)")
FM_MESSAGE(kIdxImagesMagic, "not an IDX image file (magic {0}, expected 0x00000803)",
           "IDX 이미지 파일이 아닙니다 (매직 넘버 {0}, 0x00000803이어야 함)")
FM_MESSAGE(kIdxImagesGotLabels,
           "not an IDX image file (magic {0}, expected 0x00000803; this is a label file)",
           "IDX 이미지 파일이 아닙니다 (매직 넘버 {0}, 0x00000803이어야 함; 레이블 파일입니다)")
FM_MESSAGE(kIdxImagesHeaderTruncated,
           "truncated IDX: the image header needs 16 bytes but the file holds {0} bytes",
           "잘린 IDX 파일: 이미지 헤더는 16바이트여야 하는데 파일은 {0}바이트입니다")
FM_MESSAGE(kIdxHeaderAbsurd, "IDX header is absurd: {0} images of {1}\xC3\x97{2}",
           "IDX 헤더가 비정상입니다: {1}\xC3\x97{2} 이미지 {0}개")
FM_MESSAGE(kIdxImagesTruncated,
           "truncated IDX: header says {0} images of {1}\xC3\x97{2} but the file holds {3} bytes "
           "(expected {4})",
           "잘린 IDX 파일: 헤더에는 {1}\xC3\x97{2} 이미지 {0}개라고 되어 있지만 파일은 "
           "{3}바이트입니다 ({4}바이트여야 함)")
FM_MESSAGE(kIdxImagesTrailing,
           "IDX image file has {0} bytes, but its header ({1} images of {2}\xC3\x97{3}) implies {4}",
           "IDX 이미지 파일이 {0}바이트인데, 헤더({2}\xC3\x97{3} 이미지 {1}개)대로라면 "
           "{4}바이트여야 합니다")
FM_MESSAGE(kIdxLabelsTooShort, "not an IDX label file (only {0} bytes)",
           "IDX 레이블 파일이 아닙니다 ({0}바이트뿐입니다)")
FM_MESSAGE(kIdxLabelsMagic, "not an IDX label file (magic {0}, expected 0x00000801)",
           "IDX 레이블 파일이 아닙니다 (매직 넘버 {0}, 0x00000801이어야 함)")
FM_MESSAGE(kIdxLabelsGotImages,
           "not an IDX label file (magic {0}, expected 0x00000801; this is an image file)",
           "IDX 레이블 파일이 아닙니다 (매직 넘버 {0}, 0x00000801이어야 함; 이미지 파일입니다)")
FM_MESSAGE(kIdxLabelsHeaderTruncated,
           "truncated IDX: the label header needs 8 bytes but the file holds {0} bytes",
           "잘린 IDX 파일: 레이블 헤더는 8바이트여야 하는데 파일은 {0}바이트입니다")
FM_MESSAGE(kIdxLabelsTruncated,
           "truncated IDX: header says {0} labels but the file holds {1} bytes (expected {2})",
           "잘린 IDX 파일: 헤더에는 레이블 {0}개라고 되어 있지만 파일은 {1}바이트입니다 "
           "({2}바이트여야 함)")
FM_MESSAGE(kIdxLabelsTrailing,
           "IDX label file has {0} bytes, but its header ({1} labels) implies {2}",
           "IDX 레이블 파일이 {0}바이트인데, 헤더(레이블 {1}개)대로라면 {2}바이트여야 합니다")
FM_MESSAGE(kTrainImagesShape, "train images are {0}\xC3\x97{1}, expected 28\xC3\x97" "28",
           "훈련 이미지 크기가 {0}\xC3\x97{1}입니다 (28\xC3\x97" "28이어야 함)")
FM_MESSAGE(kTestImagesShape, "test images are {0}\xC3\x97{1}, expected 28\xC3\x97" "28",
           "테스트 이미지 크기가 {0}\xC3\x97{1}입니다 (28\xC3\x97" "28이어야 함)")
FM_MESSAGE(kTrainCountsDisagree, "train images ({0}) and labels ({1}) disagree in count",
           "훈련 이미지 수({0})와 레이블 수({1})가 다릅니다")
FM_MESSAGE(kTestCountsDisagree, "test images ({0}) and labels ({1}) disagree in count",
           "테스트 이미지 수({0})와 레이블 수({1})가 다릅니다")
FM_MESSAGE(kTrainPixelCount, "train images hold {0} pixels, not count\xC3\x97" "28\xC3\x97" "28",
           "훈련 이미지의 픽셀 수가 개수\xC3\x97" "28\xC3\x97" "28이 아닙니다 (픽셀 {0}개)")
FM_MESSAGE(kTestPixelCount, "test images hold {0} pixels, not count\xC3\x97" "28\xC3\x97" "28",
           "테스트 이미지의 픽셀 수가 개수\xC3\x97" "28\xC3\x97" "28이 아닙니다 (픽셀 {0}개)")
FM_MESSAGE(kTrainingSetEmpty, "the training set is empty", "훈련 세트가 비어 있습니다")
FM_MESSAGE(kTrainImagesTooMany, "{0} training images, at most {1} allowed",
           "훈련 이미지가 {0}개입니다 (최대 {1}개)")
FM_MESSAGE(kTestImagesTooMany, "{0} test images, at most {1} allowed",
           "테스트 이미지가 {0}개입니다 (최대 {1}개)")

// --- labels (IDX and bundle) ---
FM_MESSAGE(kTrainLabelRange, "train label {0} at index {1} is out of range 0..9",
           "훈련 레이블 값이 0..9 범위를 벗어났습니다 (인덱스 {1}, 값 {0})")
FM_MESSAGE(kTestLabelRange, "test label {0} at index {1} is out of range 0..9",
           "테스트 레이블 값이 0..9 범위를 벗어났습니다 (인덱스 {1}, 값 {0})")
FM_MESSAGE(kBundleTrainLabelRange, "bundle train label {0} at index {1} is out of range 0..9",
           "번들의 훈련 레이블 값이 0..9 범위를 벗어났습니다 (인덱스 {1}, 값 {0})")
FM_MESSAGE(kBundleTestLabelRange, "bundle test label {0} at index {1} is out of range 0..9",
           "번들의 테스트 레이블 값이 0..9 범위를 벗어났습니다 (인덱스 {1}, 값 {0})")

// --- downsampling ---
FM_MESSAGE(kDownsampleNeeds28, "downsample needs 28\xC3\x97" "28 images, got {0}\xC3\x97{0}",
           "다운샘플링에는 28\xC3\x97" "28 이미지가 필요합니다 (받은 크기: {0}\xC3\x97{0})")
FM_MESSAGE(kInputSide, "image side must be 7, 14 or 28, got {0}",
           "이미지 한 변은 7, 14 또는 28이어야 합니다 (받은 값: {0})")

// --- CSV files (rows as a spreadsheet numbers them: the header is row 1) ---
FM_MESSAGE(kCsvEmpty, "the CSV file is empty", "CSV 파일이 비어 있습니다")
FM_MESSAGE(kCsvGzip, "this is a gzip file, not a CSV file: unpack it first",
           "CSV 파일이 아니라 gzip 파일입니다: 먼저 압축을 푸세요")
FM_MESSAGE(kCsvIdx, "this is an IDX file, not a CSV file: load it as IDX, with its image or label file",
           "CSV 파일이 아니라 IDX 파일입니다: 이미지 파일과 레이블 파일을 함께 IDX로 불러오세요")
FM_MESSAGE(kCsvNotCsv,
           "not a CSV file of images: the first line must be the header label,pixel1,\xE2\x80\xA6,pixel784 "
           "(the file starts with '{0}')",
           "이미지 CSV 파일이 아닙니다: 첫 줄이 label,pixel1,\xE2\x80\xA6,pixel784 헤더여야 합니다 "
           "(파일의 시작: '{0}')")
FM_MESSAGE(kCsvNoHeader,
           "the CSV file has no header: its first line must be label,pixel1,\xE2\x80\xA6,pixel784, "
           "not an image (it starts with '{0}')",
           "CSV 파일에 헤더가 없습니다: 첫 줄은 이미지가 아니라 label,pixel1,\xE2\x80\xA6,pixel784 "
           "헤더여야 합니다 (파일의 시작: '{0}')")
FM_MESSAGE(kCsvHeaderName, "CSV header: column {0} is '{1}', expected '{2}'",
           "CSV 헤더의 {0}번째 열 이름이 잘못되었습니다: '{1}' (올바른 이름: '{2}')")
FM_MESSAGE(kCsvHeaderColumns,
           "CSV header has {0} columns, expected 785: label and 784 pixels (28\xC3\x97" "28 images)",
           "CSV 헤더의 열이 {0}개입니다: 레이블과 픽셀 784개(28\xC3\x97" "28 이미지)로 785개여야 합니다")
FM_MESSAGE(kCsvNoImages, "the CSV file has a header but no images",
           "CSV 파일에 헤더만 있고 이미지가 없습니다")
FM_MESSAGE(kCsvTooManyImages, "the CSV file holds more than {0} images, the most allowed",
           "CSV 파일의 이미지가 허용 한도({0}개)보다 많습니다")
FM_MESSAGE(kCsvBlankRow, "row {0} of the CSV file is empty", "CSV 파일의 {0}행이 비어 있습니다")
FM_MESSAGE(kCsvPixelCount, "row {0} has {1} pixels, expected 784 (28\xC3\x97" "28)",
           "{0}행의 픽셀이 {1}개입니다 (784개, 28\xC3\x97" "28이어야 함)")
FM_MESSAGE(kCsvEmptyCell, "row {0}, column {1} is empty", "{0}행 {1}열이 비어 있습니다")
FM_MESSAGE(kCsvNotNumber, "row {0}, column {1}: '{2}' is not a whole number",
           "{0}행 {1}열: 정수가 아닙니다 ('{2}')")
FM_MESSAGE(kCsvLabel, "row {0}: label {1} is outside 0\xE2\x80\x93" "9",
           "{0}행: 레이블이 0\xE2\x80\x93" "9 범위를 벗어났습니다 (값: {1})")
FM_MESSAGE(kCsvPixel, "row {0}: pixel {1} is {2}, outside 0\xE2\x80\x93" "255",
           "{0}행: 픽셀 {1}의 값이 0\xE2\x80\x93" "255 범위를 벗어났습니다 (값: {2})")

// --- class-names files (lines numbered from 1) ---
FM_MESSAGE(kHistoryLength, "the history has {0} epochs, at most {1} allowed",
           "학습 기록의 에포크가 {0}개입니다 (최대 {1}개)")
FM_MESSAGE(kCurveLength, "the per-batch curve has {0} points, at most {1} allowed",
           "배치별 곡선의 점이 {0}개입니다 (최대 {1}개)")
FM_MESSAGE(kCurvePoint,
           "point {0} of the per-batch curve is not valid (x increasing within the epochs trained, loss finite and at least 0, accuracy between 0 and 1)",
           "배치별 곡선의 점 {0}이(가) 잘못되었습니다 (x는 학습한 에포크 안에서 증가, 손실은 0 이상의 유한한 값, 정확도는 0과 1 사이)")
FM_MESSAGE(kHistoryRecord,
           "epoch record {0} is not valid (epochs count up from 1, losses are finite and at least 0, accuracies between 0 and 1)",
           "에포크 기록 {0}이(가) 잘못되었습니다 (에포크는 1부터 차례로, 손실은 0 이상의 유한한 값, 정확도는 0과 1 사이)")
FM_MESSAGE(kNamesEmpty, "the class-names file is empty", "클래스 이름 파일이 비어 있습니다")
FM_MESSAGE(kNamesTooLarge, "the class-names file has {0} bytes, at most {1} allowed (ten short lines)",
           "클래스 이름 파일이 {0}바이트입니다 (최대 {1}바이트, 짧은 줄 열 개)")
FM_MESSAGE(kNamesUtf8, "the class-names file is not valid UTF-8 (line {0})",
           "클래스 이름 파일이 올바른 UTF-8이 아닙니다 ({0}번째 줄)")
FM_MESSAGE(kNamesControl, "line {0} of the class-names file holds a control character",
           "클래스 이름 파일의 {0}번째 줄에 제어 문자가 있습니다")
FM_MESSAGE(kNamesEmptyLine, "line {0} of the class-names file is empty: one name per line, ten lines",
           "클래스 이름 파일의 {0}번째 줄이 비어 있습니다: 한 줄에 이름 하나씩 열 줄이어야 합니다")
FM_MESSAGE(kNamesCount, "the class-names file has {0} names, expected 10 (one per line, class 0 first)",
           "클래스 이름 파일의 이름이 {0}개입니다 (한 줄에 하나씩, 클래스 0부터 10개여야 함)")
FM_MESSAGE(kNamesTooLong, "line {0} of the class-names file is {1} bytes long, at most {2} allowed",
           "클래스 이름 파일의 {0}번째 줄이 {1}바이트입니다 (최대 {2}바이트)")

// --- sketch files (tests/sketches/*.json; strokes and points numbered from 1) ---
FM_MESSAGE(kSketchEmpty, "the sketch file is empty", "스케치 파일이 비어 있습니다")
FM_MESSAGE(kSketchTooLarge, "the sketch file has {0} bytes, at most {1} allowed",
           "스케치 파일이 {0}바이트입니다 (최대 {1}바이트)")
FM_MESSAGE(kSketchNotObject,
           "not a sketch file: it must be one JSON object with \"class\" and \"strokes\"",
           "스케치 파일이 아닙니다: \"class\"와 \"strokes\"가 든 JSON 객체 하나여야 합니다")
FM_MESSAGE(kSketchSyntax, "the sketch file is not valid JSON at line {0}, column {1}",
           "스케치 파일의 JSON 문법이 잘못되었습니다 ({0}번째 줄, {1}번째 열)")
FM_MESSAGE(kSketchUnknownKey,
           "the sketch file has an unknown key \"{0}\" (a sketch has class, name, strokes; a stroke "
           "has points, erase, width)",
           "스케치 파일에 알 수 없는 키가 있습니다: \"{0}\" (스케치: class, name, strokes; 획: "
           "points, erase, width)")
FM_MESSAGE(kSketchDuplicateKey, "the sketch file gives the key \"{0}\" twice",
           "스케치 파일에 같은 키가 두 번 있습니다: \"{0}\"")
FM_MESSAGE(kSketchMissingKey, "the sketch file has no \"{0}\"",
           "스케치 파일에 \"{0}\" 항목이 없습니다")
FM_MESSAGE(kSketchClass, "the sketch's class must be a whole number from 0 to 9",
           "스케치의 class는 0부터 9까지의 정수여야 합니다")
FM_MESSAGE(kSketchName, "the sketch's name must be text of at most {0} bytes",
           "스케치의 name은 {0}바이트 이하의 문자열이어야 합니다")
FM_MESSAGE(kSketchNoStrokes, "the sketch's strokes must be a list of at least one stroke",
           "스케치의 strokes는 획이 하나 이상 든 목록이어야 합니다")
FM_MESSAGE(kSketchTooManyStrokes, "the sketch has more than {0} strokes",
           "스케치의 획이 {0}개를 넘습니다")
FM_MESSAGE(kSketchStroke, "stroke {0} of the sketch is not an object with \"points\"",
           "스케치의 {0}번째 획이 \"points\"가 든 객체가 아닙니다")
FM_MESSAGE(kSketchNoPoints, "stroke {0} of the sketch has no points",
           "스케치의 {0}번째 획에 점이 없습니다")
FM_MESSAGE(kSketchPoint, "stroke {0}, point {1} of the sketch is not a pair of numbers [x, y]",
           "스케치의 {0}번째 획, {1}번째 점이 숫자 쌍 [x, y]가 아닙니다")
FM_MESSAGE(kSketchPointRange,
           "stroke {0}, point {1} of the sketch is [{2}, {3}]: x and y must be between 0 and 1",
           "스케치의 {0}번째 획, {1}번째 점이 [{2}, {3}]입니다: x와 y는 0과 1 사이여야 합니다")
FM_MESSAGE(kSketchTooManyPoints, "the sketch has more than {0} points",
           "스케치의 점이 {0}개를 넘습니다")
FM_MESSAGE(kSketchErase, "stroke {0} of the sketch: erase must be true or false",
           "스케치의 {0}번째 획: erase는 true 또는 false여야 합니다")
FM_MESSAGE(kSketchWidth,
           "stroke {0} of the sketch: width must be a number above 0 and at most 1 (a fraction of "
           "the sketch's box)",
           "스케치의 {0}번째 획: width는 0보다 크고 1 이하인 수여야 합니다 (스케치 상자에 대한 비율)")

// --- a set of sketches ("My sketches") ---
FM_MESSAGE(kSketchSetNotSet,
           "not a sketch set: expected a JSON object with \"format\": \"fmnist-sketches\" and a "
           "\"sketches\" list",
           "스케치 묶음이 아닙니다: \"format\": \"fmnist-sketches\"와 \"sketches\" 목록이 있는 JSON "
           "객체여야 합니다")
FM_MESSAGE(kSketchSetTooMany, "too many sketches: at most {0}",
           "스케치가 너무 많습니다: 최대 {0}개")
FM_MESSAGE(kSketchSetItem, "sketch {0}: {why}", "{0}번째 스케치: {why}")

// --- a correction ---
FM_MESSAGE(kModelCorrections, "model file: {0} corrections (must be 1 to {1})",
           "모델 파일: 수정 횟수 {0} (1에서 {1} 사이여야 함)")
FM_MESSAGE(kCorrectionNoModel, "nothing to correct: train or import a model first",
           "수정할 모델이 없습니다: 먼저 모델을 훈련하거나 가져오세요")
FM_MESSAGE(kCorrectionSketches,
           "a correction needs 1 to {1} sketches at the model's input size ({0} given)",
           "수정에는 모델 입력 크기의 스케치가 1개에서 {1}개까지 필요합니다 ({0}개 받음)")
FM_MESSAGE(kCorrectionLabel, "the class must be a whole number from 0 to 9 (not {0})",
           "클래스는 0에서 9까지의 정수여야 합니다 ({0} 아님)")

// --- the bundle ---
FM_MESSAGE(kBundleHeaderTruncated, "truncated bundle: the header needs {0} bytes, got {1}",
           "잘린 번들: 헤더는 {0}바이트여야 하는데 {1}바이트입니다")
FM_MESSAGE(kBundleMagic, "not a Fashion-MNIST bundle (magic is not \"FMNB\")",
           "Fashion-MNIST 번들이 아닙니다 (매직 넘버가 \"FMNB\"가 아님)")
FM_MESSAGE(kBundleVersion, "unsupported bundle version {0} (this build reads version {1})",
           "지원하지 않는 번들 버전입니다: {0} (이 빌드가 읽는 버전: {1})")
FM_MESSAGE(kBundleSide, "bundle image side {0} is not 7, 14 or 28",
           "번들의 이미지 크기가 7, 14, 28 중 하나가 아닙니다 (한 변: {0})")
FM_MESSAGE(kBundleBits, "bundle bits per pixel {0} is not 8 or 4",
           "번들의 픽셀당 비트 수가 8이나 4가 아닙니다 ({0})")
FM_MESSAGE(kBundleCounts,
           "bundle counts are absurd: {0} training and {1} test images (allowed 1..{2} and 0..{2})",
           "번들의 이미지 수가 비정상입니다: 훈련 {0}개, 테스트 {1}개 (허용 범위: 1..{2}, 0..{2})")
FM_MESSAGE(kBundleTruncated, "truncated bundle: expected {0} bytes, got {1}",
           "잘린 번들: {0}바이트여야 하는데 {1}바이트입니다")
FM_MESSAGE(kBundleTrailing, "bundle has {0} bytes, expected {1}",
           "번들이 {0}바이트입니다 ({1}바이트여야 함)")
FM_MESSAGE(kBundleCrc, "bundle is corrupt (CRC mismatch)", "번들이 손상되었습니다 (CRC 불일치)")
FM_MESSAGE(kBundleLevel, "bundle pixel level {0} is above 15 in a 4-bit bundle",
           "4비트 번들에 15를 넘는 픽셀 단계가 있습니다 ({0})")

// --- the model file ---
FM_MESSAGE(kModelTruncated, "model file is truncated", "모델 파일이 잘렸습니다")
FM_MESSAGE(kModelMagic, "not an fmnist model file", "fmnist 모델 파일이 아닙니다")
FM_MESSAGE(kModelVersion,
           "unsupported model file version {0} (this build reads versions 1 to {1})",
           "지원하지 않는 모델 파일 버전입니다: {0} (이 빌드가 읽는 버전: 1\xE2\x80\x93{1})")
FM_MESSAGE(kModelSide, "model file: input side {0} is not 7, 14 or 28",
           "모델 파일: 입력 이미지 크기가 7, 14, 28 중 하나가 아닙니다 (한 변: {0})")
FM_MESSAGE(kModelInputs, "model file: {0} inputs do not match {1}\xC3\x97{1} images",
           "모델 파일: 입력 {0}개가 {1}\xC3\x97{1} 이미지와 맞지 않습니다")
FM_MESSAGE(kModelOutputs, "model file: {0} outputs, expected {1}",
           "모델 파일: 출력이 {0}개입니다 ({1}개여야 함)")
FM_MESSAGE(kModelHiddenLayers, "model file: {0} hidden layers, at most {1} allowed",
           "모델 파일: 은닉층이 {0}개입니다 (최대 {1}개)")
FM_MESSAGE(kModelHiddenWidth, "model file: hidden layer {0} has width {1}, allowed 1..{2}",
           "모델 파일: {0}번째 은닉층의 너비가 {1}입니다 (허용 범위: 1..{2})")
FM_MESSAGE(kModelActivation, "model file: unknown activation {0}",
           "모델 파일: 알 수 없는 활성화 함수입니다 ({0})")
FM_MESSAGE(kModelKind, "model file: unknown model kind {0}",
           "모델 파일: 알 수 없는 모델 종류입니다 ({0})")
FM_MESSAGE(kModelSoftmaxWithHidden,
           "model file: a softmax model has no hidden layers, but this one has {0}",
           "모델 파일: 소프트맥스 모델에는 은닉층이 없어야 하는데 이 파일에는 {0}개 있습니다")
FM_MESSAGE(kModelMlpWithoutHidden,
           "model file: an MLP needs at least one hidden layer, but this one has none",
           "모델 파일: MLP에는 은닉층이 하나 이상 있어야 하는데 이 파일에는 없습니다")
FM_MESSAGE(kModelOptimizer, "model file: unknown optimizer {0}",
           "모델 파일: 알 수 없는 옵티마이저입니다 ({0})")
FM_MESSAGE(kModelLr, "model file: learning rate {0} is not positive",
           "모델 파일: 학습률이 양수가 아닙니다 ({0})")
FM_MESSAGE(kModelBatchEpochs, "model file: batch {0} or epochs {1} out of range",
           "모델 파일: 배치 크기({0}) 또는 에포크 수({1})가 범위를 벗어났습니다")
FM_MESSAGE(kModelParamCount, "model file holds {0} parameters but its architecture needs {1}",
           "모델 파일의 파라미터는 {0}개인데 구조상 {1}개가 필요합니다")
FM_MESSAGE(kModelTrailing, "model file has {0} unexpected trailing bytes",
           "모델 파일 끝에 예상하지 못한 데이터가 {0}바이트 더 있습니다")
FM_MESSAGE(kModelChecksum, "model file is corrupt (checksum mismatch)",
           "모델 파일이 손상되었습니다 (체크섬 불일치)")
FM_MESSAGE(kModelNonFinite, "model file has a non-finite weight (parameter {0})",
           "모델 파일에 유한하지 않은 가중치가 있습니다 (파라미터 {0})")
FM_MESSAGE(kModelInputSize, "model expects {0}\xC3\x97{0} inputs but the data is {1}\xC3\x97{1}",
           "이 모델의 입력은 {0}\xC3\x97{0}인데 데이터는 {1}\xC3\x97{1}입니다")
FM_MESSAGE(kModelLayers, "model file: bad layer list ({why})",
           "모델 파일: 층 구성이 잘못되었습니다 ({why})")
FM_MESSAGE(kModelLayersNotKind, "model file: its layers are not those of a '{0}' model",
           "모델 파일: 층 구성이 '{0}' 모델의 것과 다릅니다")
FM_MESSAGE(kModelEarlyStopping, "model file: early stopping patience {0}, at most {1} allowed",
           "모델 파일: 조기 종료 인내 에포크 수가 {0}입니다 (최대 {1})")
FM_MESSAGE(kModelClassNames, "model file: bad class names ({why})",
           "모델 파일: 클래스 이름이 잘못되었습니다 ({why})")
FM_MESSAGE(kModelHistory, "model file: bad training history ({why})",
           "모델 파일: 학습 기록이 잘못되었습니다 ({why})")
FM_MESSAGE(kModelUnknownFormat,
           "not a model file: neither an fmnist model file nor a safetensors file",
           "모델 파일이 아닙니다: fmnist 모델 파일도 safetensors 파일도 아닙니다")

// --- safetensors ---
FM_MESSAGE(kStTooShort, "not a safetensors file: only {0} bytes (it starts with an 8-byte header length)",
           "safetensors 파일이 아닙니다: {0}바이트뿐입니다 (8바이트 헤더 길이로 시작해야 함)")
FM_MESSAGE(kStHeaderTooBig, "safetensors file: its header of {0} bytes is too big (at most {1})",
           "safetensors 파일: 헤더가 너무 큽니다 ({0}바이트, 최대 {1}바이트)")
FM_MESSAGE(kStTruncated, "safetensors file is truncated: its header needs {0} bytes but the file has {1}",
           "safetensors 파일이 잘렸습니다: 헤더에 {0}바이트가 필요한데 파일은 {1}바이트입니다")
FM_MESSAGE(kStHeaderJson, "safetensors file: the header is not a JSON object (byte {0} of the header)",
           "safetensors 파일: 헤더가 JSON 객체가 아닙니다 (헤더의 {0}번째 바이트)")
FM_MESSAGE(kStForeign,
           "this safetensors file was not exported by fmnist (no __metadata__ \"format\": \"fmnist\"), "
           "so its architecture is unknown",
           "fmnist에서 내보낸 safetensors 파일이 아닙니다 (__metadata__에 \"format\": \"fmnist\"가 없음). "
           "모델 구조를 알 수 없습니다")
FM_MESSAGE(kStMetadata, "safetensors file: __metadata__ \"{0}\" is missing or not valid",
           "safetensors 파일: __metadata__의 \"{0}\" 항목이 없거나 잘못되었습니다")
FM_MESSAGE(kStFormatVersion,
           "safetensors file: fmnist format version \"{0}\" is not supported (this build reads {1})",
           "safetensors 파일: 지원하지 않는 fmnist 형식 버전입니다: \"{0}\" (이 빌드가 읽는 버전: {1})")
FM_MESSAGE(kStLayer, "safetensors file: entry {0} of __metadata__ \"layers\" is not a layer fmnist knows",
           "safetensors 파일: __metadata__ \"layers\"의 {0}번째 항목은 fmnist가 아는 층이 아닙니다")
FM_MESSAGE(kStOutputLayer,
           "safetensors file: the last entry of __metadata__ \"layers\" (entry {0}) must be Dense(10, softmax)",
           "safetensors 파일: __metadata__ \"layers\"의 마지막 항목({0}번째)은 Dense(10, softmax)여야 합니다")
FM_MESSAGE(kStDataShort,
           "safetensors file is truncated: {0} bytes of tensor data, but a {1} model's {2} parameters need {3}",
           "safetensors 파일이 잘렸습니다: 텐서 데이터가 {0}바이트인데 {1} 모델의 파라미터 {2}개에는 "
           "{3}바이트가 필요합니다")
FM_MESSAGE(kStUnknownTensor, "safetensors file: tensor \"{0}\" is not part of a {1} model",
           "safetensors 파일: {1} 모델에 없는 텐서입니다: \"{0}\"")
FM_MESSAGE(kStMissingTensor, "safetensors file: tensor \"{0}\" of the {1} model is missing",
           "safetensors 파일: {1} 모델의 텐서가 없습니다: \"{0}\"")
FM_MESSAGE(kStTensorEntry,
           "safetensors file: tensor \"{0}\" needs a dtype, a shape and two data_offsets, all valid",
           "safetensors 파일: 텐서 \"{0}\"에는 올바른 dtype, shape, data_offsets(두 개)가 있어야 합니다")
FM_MESSAGE(kStDtype, "safetensors file: tensor \"{0}\" is {1}, but only F32 (float32) is read",
           "safetensors 파일: 텐서 \"{0}\"의 자료형이 {1}입니다. F32(float32)만 읽을 수 있습니다")
FM_MESSAGE(kStShape, "safetensors file: tensor \"{0}\" has shape {1}, but the {3} model needs {2}",
           "safetensors 파일: 텐서 \"{0}\"의 모양이 {1}인데 {3} 모델에 필요한 모양은 다릅니다: {2}")
FM_MESSAGE(kStOffsets,
           "safetensors file: tensor \"{0}\" has data_offsets [{1}, {2}] outside the {3} bytes of data",
           "safetensors 파일: 텐서 \"{0}\"의 data_offsets [{1}, {2}]: 데이터 {3}바이트의 범위를 벗어납니다")
FM_MESSAGE(kStTensorBytes, "safetensors file: tensor \"{0}\" spans {1} bytes, its shape needs {2}",
           "safetensors 파일: 텐서 \"{0}\"의 데이터는 {1}바이트인데 모양대로라면 {2}바이트여야 합니다")
FM_MESSAGE(kStOverlap, "safetensors file: tensors \"{0}\" and \"{1}\" overlap",
           "safetensors 파일: 두 텐서의 데이터가 겹칩니다: \"{0}\", \"{1}\"")
FM_MESSAGE(kStGap,
           "safetensors file: data bytes {0} to {1} belong to no tensor (the tensors must fill the data)",
           "safetensors 파일: 데이터의 {0}~{1}바이트는 어느 텐서에도 속하지 않습니다 (텐서가 데이터를 "
           "빈틈없이 채워야 함)")
FM_MESSAGE(kStNonFinite, "safetensors file: tensor \"{0}\" has a non-finite value (element {1})",
           "safetensors 파일: 텐서 \"{0}\"에 유한하지 않은 값이 있습니다 ({1}번째 원소)")

// --- a layer list (the {why} of a bad one) ---
FM_MESSAGE(kArchTooManyLayers, "{0} layers, at most {1} allowed", "층이 {0}개입니다 (최대 {1}개)")
FM_MESSAGE(kArchInputsOutputs, "{0} inputs and {1} outputs", "입력 {0}개, 출력 {1}개")
FM_MESSAGE(kArchLayerKind, "layer {0}: unknown kind {1}", "{0}번째 층: 알 수 없는 종류 ({1})")
FM_MESSAGE(kArchActivation, "layer {0}: activation {1} is not allowed for this kind of layer",
           "{0}번째 층: 이 종류의 층에 쓸 수 없는 활성화 함수 ({1})")
FM_MESSAGE(kArchPadding, "layer {0}: unknown padding {1}", "{0}번째 층: 알 수 없는 패딩 ({1})")
FM_MESSAGE(kArchUnusedField, "layer {0}: a field its kind does not use is set",
           "{0}번째 층: 이 종류의 층이 쓰지 않는 필드에 값이 있음")
FM_MESSAGE(kArchNeedsImage,
           "layer {0}: convolution and pooling need an image, but a Dense layer comes before",
           "{0}번째 층: 합성곱과 풀링에는 이미지가 필요한데 앞에 Dense 층이 있음")
FM_MESSAGE(kArchWidth, "layer {0}: Dense width {1}, allowed 1..{2}",
           "{0}번째 층: Dense 너비 {1} (허용 범위: 1..{2})")
FM_MESSAGE(kArchFilters, "layer {0}: {1} filters, allowed 1..{2}",
           "{0}번째 층: 필터 {1}개 (허용 범위: 1..{2})")
FM_MESSAGE(kArchKernel, "layer {0}: kernel size {1}, allowed 1..{2}",
           "{0}번째 층: 커널 크기 {1} (허용 범위: 1..{2})")
FM_MESSAGE(kArchKernelTooLarge,
           "layer {0}: a {1}\xC3\x97{1} kernel does not fit a {2}\xC3\x97{3} input without padding",
           "{0}번째 층: {1}\xC3\x97{1} 커널은 패딩 없이 {2}\xC3\x97{3} 입력에 맞지 않음")
FM_MESSAGE(kArchPoolTooSmall, "layer {0}: 2\xC3\x97" "2 pooling needs at least a 2\xC3\x97" "2 input, not {1}\xC3\x97{2}",
           "{0}번째 층: 2\xC3\x97" "2 풀링에는 2\xC3\x97" "2 이상의 입력이 필요함 (입력: {1}\xC3\x97{2})")
FM_MESSAGE(kArchDropoutRate, "layer {0}: dropout rate {1} is not at least 0 and below 1",
           "{0}번째 층: 드롭아웃 비율은 0 이상 1 미만이어야 함 (받은 값: {1})")
FM_MESSAGE(kArchActivations, "layer {0}: {1} outputs per sample, at most {2} allowed",
           "{0}번째 층: 샘플당 출력 {1}개 (최대 {2}개)")
FM_MESSAGE(kArchParams, "{0} parameters, at most {1} allowed", "파라미터 {0}개 (최대 {1}개)")

// --- training settings ---
FM_MESSAGE(kUnknownModel, "unknown model kind (got {0})",
           "알 수 없는 모델 종류입니다 (받은 값: {0})")
FM_MESSAGE(kMlpLayers, "an MLP needs 1\xE2\x80\x93{0} hidden layers (got {1})",
           "MLP의 은닉층은 1\xE2\x80\x93{0}개여야 합니다 (받은 값: {1})")
FM_MESSAGE(kHiddenWidth, "hidden layer width must be between 1 and {0} (got {1})",
           "은닉층 너비는 1에서 {0} 사이여야 합니다 (받은 값: {1})")
FM_MESSAGE(kUnknownActivation, "unknown hidden activation (got {0})",
           "알 수 없는 은닉층 활성화 함수입니다 (받은 값: {0})")
FM_MESSAGE(kUnknownOptimizer, "unknown optimizer (got {0})",
           "알 수 없는 옵티마이저입니다 (받은 값: {0})")
FM_MESSAGE(kLearningRate, "learning rate must be a positive number (got {0})",
           "학습률은 양수여야 합니다 (받은 값: {0})")
FM_MESSAGE(kFraction, "{0} must be at least 0 and below 1 (got {1})",
           "{0} 값은 0 이상 1 미만이어야 합니다 (받은 값: {1})")
FM_MESSAGE(kEpsilon, "epsilon must be a positive number (got {0})",
           "epsilon 값은 양수여야 합니다 (받은 값: {0})")
FM_MESSAGE(kValFraction, "validation fraction must be between 0 and 1, exclusive (got {0})",
           "검증 비율은 0과 1 사이여야 합니다 (양 끝 제외, 받은 값: {0})")
FM_MESSAGE(kValFractionEmpty,
           "validation fraction {0} leaves an empty training or validation set ({1} images)",
           "검증 비율이 {0}이면 훈련 세트나 검증 세트가 비게 됩니다 (이미지 {1}개)")
FM_MESSAGE(kBatchSize, "batch size must be between 1 and {0} (got {1})",
           "배치 크기는 1에서 {0} 사이여야 합니다 (받은 값: {1})")
FM_MESSAGE(kEpochs, "epochs must be between 1 and {0} (got {1})",
           "에포크 수는 1에서 {0} 사이여야 합니다 (받은 값: {1})")
FM_MESSAGE(kEvalChunk, "evaluation chunk must be at least 1 sample (got {0})",
           "평가 묶음은 샘플 1개 이상이어야 합니다 (받은 값: {0})")
FM_MESSAGE(kEarlyStopping, "early stopping patience must be between 0 and {0} epochs (got {1})",
           "조기 종료 인내 에포크 수는 0에서 {0} 사이여야 합니다 (받은 값: {1})")
FM_MESSAGE(kCnnNeeds28,
           "the book's CNN ('cnn') needs 28\xC3\x97" "28 inputs (got {0}\xC3\x97{0}); for 14\xC3\x97" "14 use 'cnn-small'",
           "책의 CNN('cnn')에는 28\xC3\x97" "28 입력이 필요합니다 (받은 입력: {0}\xC3\x97{0}); "
           "14\xC3\x97" "14에는 'cnn-small'을 쓰세요")

// --- the trainer ---
FM_MESSAGE(kDataNoImageSize, "the data set has no image size",
           "데이터 세트에 이미지 크기가 없습니다")
FM_MESSAGE(kDataNoTrainingImages, "the data set has no training images",
           "데이터 세트에 훈련 이미지가 없습니다")
FM_MESSAGE(kDataCountsDisagree, "the data set's image and label counts disagree",
           "데이터 세트의 이미지 수와 레이블 수가 다릅니다")
FM_MESSAGE(kWeightCount, "the model has {0} weights but its architecture needs {1}",
           "모델의 가중치는 {0}개인데 구조상 {1}개가 필요합니다")
FM_MESSAGE(kWeightsNotFinite, "the model's weights are not all finite",
           "모델의 가중치 중에 유한하지 않은 값이 있습니다")
FM_MESSAGE(kNotDiverged, "nothing to continue: training has not diverged",
           "계속할 것이 없습니다: 훈련이 발산하지 않았습니다")
FM_MESSAGE(kDiverged,
           "training diverged at epoch {0}, batch {1} ({why}): try a smaller learning rate, e.g. {2}",
           "훈련이 에포크 {0}, 배치 {1}에서 발산했습니다 ({why}): 더 작은 학습률을 써 보세요 "
           "(예: {2})")
FM_MESSAGE(kWhyLoss, "loss {0}", "손실 {0}")
FM_MESSAGE(kWhyWeights, "weights became non-finite", "가중치가 유한하지 않은 값이 됨")
FM_MESSAGE(kWhyWeightsLoss, "weights became non-finite, loss {0}",
           "가중치가 유한하지 않은 값이 됨, 손실 {0}")
FM_MESSAGE(kWhyLossAbove, "loss {0}, above {1} for {2} batches",
           "손실 {0}, 배치 {2}개 동안 {1} 초과")
FM_MESSAGE(kWhyRunningLoss, "running loss {0}", "누적 평균 손실 {0}")
FM_MESSAGE(kWhyValLoss, "validation loss {0}", "검증 손실 {0}")

// --- cross-validation ---
FM_MESSAGE(kFolds, "folds must be between 2 and 20 (got {0})",
           "폴드 수는 2에서 20 사이여야 합니다 (받은 값: {0})")
FM_MESSAGE(kCvTooFewImages, "cross-validation needs at least as many images as folds",
           "교차 검증에는 폴드 수 이상의 이미지가 필요합니다")
FM_MESSAGE(kAlpha, "alpha must be a positive number", "alpha 값은 양수여야 합니다")

// --- an image to classify (photo.cpp) ---
FM_MESSAGE(kImageSize, "the image is {0}\xC3\x97{1} pixels; each side must be 1 to {2}",
           "이미지 크기가 {0}\xC3\x97{1} 픽셀입니다. 각 변은 1에서 {2} 사이여야 합니다")
FM_MESSAGE(kImageBlank, "the image is one flat colour: there is nothing in it to classify",
           "이미지가 한 가지 색뿐이라 분류할 것이 없습니다")
