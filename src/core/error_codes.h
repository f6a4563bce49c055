// The core's error codes: FM_ERROR(id, parameters), one row per refusal, grouped by file. No
// include guard: status.h and status.cpp include it with their own FM_ERROR. The sentences, with
// {0}, {1}, … for the parameters, are the rows of src/messages/messages_table.h; adding a code here
// without its row there fails the build.

// A sentence a front end made itself (the CLI's flag errors, the page's own strings). Never used
// by the core.
FM_ERROR(kText, 1)  // the sentence

// --- idx.cpp ---
FM_ERROR(kIdxImagesTooShort, 1)         // size
FM_ERROR(kIdxImagesMagic, 1)            // magic (hex)
FM_ERROR(kIdxImagesGotLabels, 1)        // magic (hex): the label file's
FM_ERROR(kIdxImagesHeaderTruncated, 1)  // size
FM_ERROR(kIdxHeaderAbsurd, 3)           // count, rows, cols
FM_ERROR(kIdxImagesTruncated, 5)        // count, rows, cols, size, expected size
FM_ERROR(kIdxImagesTrailing, 5)         // size, count, rows, cols, expected size
FM_ERROR(kIdxLabelsTooShort, 1)         // size
FM_ERROR(kIdxLabelsMagic, 1)            // magic (hex)
FM_ERROR(kIdxLabelsGotImages, 1)        // magic (hex): the image file's
FM_ERROR(kIdxLabelsHeaderTruncated, 1)  // size
FM_ERROR(kIdxLabelsTruncated, 3)        // count, size, expected size
FM_ERROR(kIdxLabelsTrailing, 3)         // size, count, expected size
FM_ERROR(kTrainImagesShape, 2)          // rows, cols
FM_ERROR(kTestImagesShape, 2)           // rows, cols
FM_ERROR(kTrainCountsDisagree, 2)       // images, labels
FM_ERROR(kTestCountsDisagree, 2)        // images, labels
FM_ERROR(kTrainPixelCount, 1)           // pixels
FM_ERROR(kTestPixelCount, 1)            // pixels
FM_ERROR(kTrainingSetEmpty, 0)
FM_ERROR(kTrainImagesTooMany, 2)        // images, the most allowed
FM_ERROR(kTestImagesTooMany, 2)         // images, the most allowed

// --- dataset.cpp (the label check of idx.cpp and bundle.cpp) ---
FM_ERROR(kTrainLabelRange, 2)        // label, index
FM_ERROR(kTestLabelRange, 2)         // label, index
FM_ERROR(kBundleTrainLabelRange, 2)  // label, index
FM_ERROR(kBundleTestLabelRange, 2)   // label, index

// --- downsample.cpp ---
FM_ERROR(kDownsampleNeeds28, 1)  // the data's side
FM_ERROR(kInputSide, 1)          // the side asked for (not 7, 14 or 28)

// --- csv.cpp (rows numbered as in a spreadsheet: the header is row 1) ---
FM_ERROR(kCsvEmpty, 0)
FM_ERROR(kCsvGzip, 0)
FM_ERROR(kCsvIdx, 0)
FM_ERROR(kCsvNotCsv, 1)          // the file's first bytes (escaped)
FM_ERROR(kCsvNoHeader, 1)        // the file's first bytes (escaped)
FM_ERROR(kCsvHeaderName, 3)      // column (1-based), the name found (escaped), the name expected
FM_ERROR(kCsvHeaderColumns, 1)   // columns
FM_ERROR(kCsvNoImages, 0)
FM_ERROR(kCsvTooManyImages, 1)   // the most allowed
FM_ERROR(kCsvBlankRow, 1)        // row
FM_ERROR(kCsvPixelCount, 2)      // row, pixels
FM_ERROR(kCsvEmptyCell, 2)       // row, column (1-based)
FM_ERROR(kCsvNotNumber, 3)       // row, column, the cell (escaped)
FM_ERROR(kCsvLabel, 2)           // row, the label as written
FM_ERROR(kCsvPixel, 3)           // row, pixel (1..784), the value as written

// --- class_names.cpp (lines numbered from 1) ---
FM_ERROR(kNamesEmpty, 0)
FM_ERROR(kNamesTooLarge, 2)      // size, the most allowed
FM_ERROR(kNamesUtf8, 1)          // line
FM_ERROR(kNamesControl, 1)       // line
FM_ERROR(kNamesEmptyLine, 1)     // line
FM_ERROR(kNamesCount, 1)         // lines
FM_ERROR(kNamesTooLong, 3)       // line, bytes, the most allowed

// --- history.cpp (epoch records numbered from 1) ---
FM_ERROR(kHistoryLength, 2)      // records, the most allowed
FM_ERROR(kHistoryRecord, 1)      // record
FM_ERROR(kCurveLength, 2)        // points, the most allowed
FM_ERROR(kCurvePoint, 1)         // point

// --- sketch_file.cpp (strokes and points numbered from 1) ---
FM_ERROR(kSketchEmpty, 0)
FM_ERROR(kSketchTooLarge, 2)         // size, the most allowed
FM_ERROR(kSketchNotObject, 0)
FM_ERROR(kSketchSyntax, 2)           // line, column
FM_ERROR(kSketchUnknownKey, 1)       // the key
FM_ERROR(kSketchDuplicateKey, 1)     // the key
FM_ERROR(kSketchMissingKey, 1)       // the key
FM_ERROR(kSketchClass, 0)
FM_ERROR(kSketchName, 1)             // the most bytes allowed
FM_ERROR(kSketchNoStrokes, 0)
FM_ERROR(kSketchTooManyStrokes, 1)   // the most allowed
FM_ERROR(kSketchStroke, 1)           // stroke
FM_ERROR(kSketchNoPoints, 1)         // stroke
FM_ERROR(kSketchPoint, 2)            // stroke, point
FM_ERROR(kSketchPointRange, 4)       // stroke, point, x, y
FM_ERROR(kSketchTooManyPoints, 1)    // the most allowed
FM_ERROR(kSketchErase, 1)            // stroke
FM_ERROR(kSketchWidth, 1)            // stroke

// --- sketch_file.cpp: a set of sketches ("My sketches" export, issue 14) ---
FM_ERROR(kSketchSetNotSet, 0)
FM_ERROR(kSketchSetTooMany, 1)     // the most allowed
FM_ERROR(kSketchSetItem, 1)        // sketch (1-based); {why}: what is wrong with it

// --- fine_tune.cpp (a correction) ---
FM_ERROR(kCorrectionNoModel, 0)
FM_ERROR(kModelCorrections, 2)    // corrections in a model file, the most allowed
FM_ERROR(kCorrectionSketches, 2)   // sketches given, the most allowed
FM_ERROR(kCorrectionLabel, 1)      // the label given

// --- bundle.cpp ---
FM_ERROR(kBundleHeaderTruncated, 2)  // header size, size
FM_ERROR(kBundleMagic, 0)
FM_ERROR(kBundleVersion, 2)    // version, the version this build reads
FM_ERROR(kBundleSide, 1)       // side
FM_ERROR(kBundleBits, 1)       // bits per pixel
FM_ERROR(kBundleCounts, 3)     // training images, test images, the most allowed
FM_ERROR(kBundleTruncated, 2)  // expected size, size
FM_ERROR(kBundleTrailing, 2)   // size, expected size
FM_ERROR(kBundleCrc, 0)
FM_ERROR(kBundleLevel, 1)  // level

// --- model_file.cpp ---
FM_ERROR(kModelTruncated, 0)
FM_ERROR(kModelMagic, 0)
FM_ERROR(kModelVersion, 2)       // version, the newest version this build reads (it reads 1 too)
FM_ERROR(kModelSide, 1)          // side
FM_ERROR(kModelInputs, 2)        // inputs, side
FM_ERROR(kModelOutputs, 2)       // outputs, expected outputs
FM_ERROR(kModelHiddenLayers, 2)  // layers, the most allowed
FM_ERROR(kModelHiddenWidth, 3)   // layer (1-based), width, the widest allowed
FM_ERROR(kModelActivation, 1)    // activation byte
FM_ERROR(kModelKind, 1)          // model kind byte
FM_ERROR(kModelSoftmaxWithHidden, 1)  // hidden layers
FM_ERROR(kModelMlpWithoutHidden, 0)
FM_ERROR(kModelOptimizer, 1)     // optimizer byte
FM_ERROR(kModelLr, 1)            // learning rate
FM_ERROR(kModelBatchEpochs, 2)   // batch, epochs
FM_ERROR(kModelParamCount, 2)    // parameters in the file, parameters the architecture needs
FM_ERROR(kModelTrailing, 1)      // trailing bytes
FM_ERROR(kModelChecksum, 0)
FM_ERROR(kModelNonFinite, 1)     // parameter index
FM_ERROR(kModelInputSize, 2)     // the model's side, the data's side
// Version 2: the layer list. {why} is one of the kArch… codes below.
FM_ERROR(kModelLayers, 0)
FM_ERROR(kModelLayersNotKind, 1)  // the model kind's name ("cnn")
FM_ERROR(kModelEarlyStopping, 2)  // patience, the most allowed
// Version 3: the class names. {why} is one of the kNames… codes above.
FM_ERROR(kModelClassNames, 0)
// Version 4: the run's history. {why} is one of the kHistory… codes above.
FM_ERROR(kModelHistory, 0)
// model file or safetensors (safetensors.cpp, load_any_model)
FM_ERROR(kModelUnknownFormat, 0)

// --- safetensors.cpp (tensor names as Keras spells them: dense/kernel, conv2d_1/bias) ---
FM_ERROR(kStTooShort, 1)        // size
FM_ERROR(kStHeaderTooBig, 2)    // header bytes, the most allowed
FM_ERROR(kStTruncated, 2)       // bytes the header length implies, size
FM_ERROR(kStHeaderJson, 1)      // byte of the header where it stops being JSON
FM_ERROR(kStForeign, 0)
FM_ERROR(kStMetadata, 1)        // the __metadata__ key
FM_ERROR(kStFormatVersion, 2)   // version found, the version this build reads
FM_ERROR(kStLayer, 1)           // entry of "layers" (1-based)
FM_ERROR(kStOutputLayer, 1)     // entry of "layers" (the last)
FM_ERROR(kStDataShort, 4)       // data bytes, model kind, parameters, bytes they need
FM_ERROR(kStUnknownTensor, 2)   // tensor name (escaped), model kind
FM_ERROR(kStMissingTensor, 2)   // tensor name, model kind
FM_ERROR(kStTensorEntry, 1)     // tensor name
FM_ERROR(kStDtype, 2)           // tensor name, dtype (escaped)
FM_ERROR(kStShape, 4)           // tensor name, shape found, shape expected, model kind
FM_ERROR(kStOffsets, 4)         // tensor name, begin, end, data bytes
FM_ERROR(kStTensorBytes, 3)     // tensor name, bytes, bytes its shape needs
FM_ERROR(kStOverlap, 2)         // tensor name, tensor name
FM_ERROR(kStGap, 2)             // first byte no tensor holds, where the next tensor (or the data) ends
FM_ERROR(kStNonFinite, 2)       // tensor name, index in it

// --- network.cpp (Architecture::check), the {why} of kModelLayers ---
FM_ERROR(kArchTooManyLayers, 2)   // layers, the most allowed
FM_ERROR(kArchInputsOutputs, 2)   // inputs, outputs
FM_ERROR(kArchLayerKind, 2)       // layer (1-based), kind byte
FM_ERROR(kArchActivation, 2)      // layer, activation byte
FM_ERROR(kArchPadding, 2)         // layer, padding byte
FM_ERROR(kArchUnusedField, 1)     // layer
FM_ERROR(kArchNeedsImage, 1)      // layer
FM_ERROR(kArchWidth, 3)           // layer, width, the widest allowed
FM_ERROR(kArchFilters, 3)         // layer, filters, the most allowed
FM_ERROR(kArchKernel, 3)          // layer, kernel size, the largest allowed
FM_ERROR(kArchKernelTooLarge, 4)  // layer, kernel size, input height, input width
FM_ERROR(kArchPoolTooSmall, 3)    // layer, input height, input width
FM_ERROR(kArchDropoutRate, 2)     // layer, rate
FM_ERROR(kArchActivations, 3)     // layer, values per sample, the most allowed
FM_ERROR(kArchParams, 2)          // parameters, the most allowed

// --- train_config.cpp (validate) ---
FM_ERROR(kUnknownModel, 1)         // model kind
FM_ERROR(kMlpLayers, 2)            // the most layers allowed, layers
FM_ERROR(kHiddenWidth, 2)          // the widest allowed, width
FM_ERROR(kUnknownActivation, 1)    // activation
FM_ERROR(kUnknownOptimizer, 1)     // optimizer
FM_ERROR(kLearningRate, 1)         // learning rate
FM_ERROR(kFraction, 2)             // field (momentum, rho, beta1, beta2), value
FM_ERROR(kEpsilon, 1)              // epsilon
FM_ERROR(kValFraction, 1)          // fraction
FM_ERROR(kValFractionEmpty, 2)     // fraction, images
FM_ERROR(kBatchSize, 2)            // the largest allowed, batch
FM_ERROR(kEpochs, 2)               // the most allowed, epochs
FM_ERROR(kEvalChunk, 1)            // chunk
FM_ERROR(kEarlyStopping, 2)        // the most allowed, patience
FM_ERROR(kCnnNeeds28, 1)           // the side asked for

// --- trainer.cpp ---
FM_ERROR(kDataNoImageSize, 0)
FM_ERROR(kDataNoTrainingImages, 0)
FM_ERROR(kDataCountsDisagree, 0)
FM_ERROR(kWeightCount, 2)          // weights given, weights the architecture needs
FM_ERROR(kWeightsNotFinite, 0)
FM_ERROR(kNotDiverged, 0)
// Trainer::divergence(): where the run stopped; {why} is one of the kWhy… codes below.
FM_ERROR(kDiverged, 3)             // epoch, batch, suggested learning rate
FM_ERROR(kWhyLoss, 1)              // loss
FM_ERROR(kWhyWeights, 0)
FM_ERROR(kWhyWeightsLoss, 1)       // loss
FM_ERROR(kWhyLossAbove, 3)         // smoothed loss, ceiling, batches
FM_ERROR(kWhyRunningLoss, 1)       // loss
FM_ERROR(kWhyValLoss, 1)           // loss

// --- photo.cpp (an image to classify) ---
FM_ERROR(kImageSize, 3)            // width, height, the largest side allowed
FM_ERROR(kImageBlank, 0)

// --- linear_sgd.cpp (cross-validation) ---
FM_ERROR(kFolds, 1)                // folds
FM_ERROR(kCvTooFewImages, 0)
FM_ERROR(kAlpha, 0)
