// The string table: FM_STRING(id, English). Included twice (ids, then texts); no include guard.
// Format strings keep their printf arguments in the order given in each comment.
// A second language adds a column here and in strings.cpp. Keep to Latin-1 (the built-in font).

// --- application ---
FM_STRING(kAppTitle, "fmnist-wasm")
FM_STRING(kFmtDatasetCounts, "%s %d\xC3\x97%d: %s train + %s validation, %s test")  // data set, side, side, counts
FM_STRING(kFmtFps, "%.0f fps")
FM_STRING(kMenuAbout, "About")
FM_STRING(kLoadingData, "Loading the Fashion-MNIST data...")
FM_STRING(kFatalTitle, "Could not load the data")
FM_STRING(kFatalHint, "The page needs fashion-mnist-14.bin next to index.html. Build it with `make` "
                      "(or `make run`, which builds and serves the page), then reload.")
FM_STRING(kDismiss, "Dismiss")
FM_STRING(kClose, "Close")
FM_STRING(kYes, "yes")
FM_STRING(kNo, "no")

// --- the accessible layer: the page's DOM controls, the canvas's label, announcements (a11y_layer.cpp)
FM_STRING(kA11yNavLabel, "Page controls")
FM_STRING(kA11yCanvasLabel, "Training panels (drawn, not readable by a screen reader)")
FM_STRING(kA11yCanvasHelp, "The page's buttons before this area do the same. Inside it: arrow keys move between "
                           "controls, Space presses one, Escape goes back to the page's buttons; without a "
                           "highlighted control, Space trains or pauses and C clears the drawing.")
FM_STRING(kA11yEnterPanels, "Use the panels with the keyboard")
FM_STRING(kA11yClearCanvas, "Clear the drawing")
FM_STRING(kA11yLanguage, "Language")
FM_STRING(kA11yLessonGroup, "Lesson steps")
FM_STRING(kA11yFmtRunStep, "Run %s")
FM_STRING(kA11yAnnouncements, "Announcements")
FM_STRING(kA11yReady, "Ready: the data is loaded. Press Train to train a model.")
FM_STRING(kA11yFmtStarted, "Training started: %s, %d epoch(s).")
FM_STRING(kA11yPaused, "Training paused.")
FM_STRING(kA11yResumed, "Training resumed.")
FM_STRING(kA11yFmtEpoch, "Epoch %d of %d: validation accuracy %.1f%%.")
FM_STRING(kA11yFmtDone, "Training finished after %d epoch(s): validation accuracy %.1f%%, test accuracy %.1f%%.")
FM_STRING(kA11yFmtDoneNoTest, "Training finished after %d epoch(s): validation accuracy %.1f%%.")
FM_STRING(kA11yFmtDiverged, "Training diverged: %s")
FM_STRING(kA11yFmtError, "Error: %s")
FM_STRING(kA11yFmtPrediction, "The drawing reads as %s, %.0f%%.")
FM_STRING(kA11yFmtLessonResult, "Lesson %s: %s")
FM_STRING(kA11yLessonDone, "done")

// --- before a trained model is replaced (confirm_replace.cpp) ---
FM_STRING(kConfirmTitle, "Replace the trained model?")
FM_STRING(kConfirmWhyTrain, "Train starts a new model from fresh weights.")
FM_STRING(kConfirmWhyReset, "Reset discards the model.")
FM_STRING(kConfirmWhySide, "A model reads one input size: switching it discards the model.")
FM_STRING(kConfirmWhyImport, "The imported model takes the place of this one.")
FM_STRING(kConfirmWhyLesson, "The lesson trains its own model in place of this one.")
FM_STRING(kConfirmLost, "The model trained so far is lost unless you export it first.")
FM_STRING(kConfirmKeep, "Keep the model")
FM_STRING(kConfirmExport, "Export first")
FM_STRING(kConfirmDiscard, "Discard it")

// --- panels ---
FM_STRING(kPanelTraining, "Training")
FM_STRING(kPanelPlots, "Live plots")
FM_STRING(kPanelSamples, "Samples")
FM_STRING(kPanelConfusion, "Confusion matrix")
FM_STRING(kPanelWeights, "Weights")
FM_STRING(kPanelCanvas, "Drawing canvas")

// --- class names, in label order ---
FM_STRING(kClass0, "T-shirt/top")
FM_STRING(kClass1, "Trouser")
FM_STRING(kClass2, "Pullover")
FM_STRING(kClass3, "Dress")
FM_STRING(kClass4, "Coat")
FM_STRING(kClass5, "Sandal")
FM_STRING(kClass6, "Shirt")
FM_STRING(kClass7, "Sneaker")
FM_STRING(kClass8, "Bag")
FM_STRING(kClass9, "Ankle boot")

// --- training panel ---
FM_STRING(kLabelModel, "Model")
FM_STRING(kLabelHidden, "Hidden")
FM_STRING(kLabelOptimizer, "Optimizer")
FM_STRING(kLabelLearningRate, "Learning rate")
FM_STRING(kLabelBatch, "Batch size")
FM_STRING(kLabelEpochs, "Epochs")
FM_STRING(kLabelSeed, "Seed")
FM_STRING(kLabelInput, "Input size")
FM_STRING(kLabelPace, "Pace")
FM_STRING(kOriginRestored, "Restored from your last visit")
FM_STRING(kFmtOriginImported, "Imported from %s")
FM_STRING(kOriginImported, "Imported from a file")
FM_STRING(kPaceWatch, "Watch (about 10 s a run)")
FM_STRING(kPaceFull, "Full speed")
FM_STRING(kTipPace, "Watch spreads a run over about 10 seconds so the curves and the confusion matrix visibly move; Full speed trains as fast as it can. The model learns the same either way. Can change while training.")
FM_STRING(kModelSoftmax, "Softmax regression")
FM_STRING(kModelMlp, "MLP (hidden layers)")
FM_STRING(kModelSoftmaxShort, "the softmax model")
FM_STRING(kModelMlpShort, "the MLP")
FM_STRING(kOptSgd, "SGD")
FM_STRING(kOptRmsprop, "RMSprop")
FM_STRING(kOptAdam, "Adam")
FM_STRING(kFmtLayers, "%d layer(s)")
FM_STRING(kTipWidth, "Units in this hidden layer (ReLU)")
FM_STRING(kTipLive, "Can change while training: applies from the next batch")
FM_STRING(kTipFixedForRun, "Fixed for the run in progress: applies from the next Train (Reset or let it finish)")
FM_STRING(kSide7, "7\xC3\x97" "7 (4\xC3\x97" "4 means, downloads ~3 MB)")
FM_STRING(kSide14, "14\xC3\x97" "14 (downsampled, fast)")
FM_STRING(kSide28, "28\xC3\x97" "28 (full size, downloads ~30 MB)")
// --- Compare resolutions (session/resolution_compare.cpp, panels/compare.cpp) ---
FM_STRING(kButtonCompare, "Compare resolutions")
FM_STRING(kTipCompare, "Trains this model at 7\xC3\x97" "7, 14\xC3\x97" "14 and 28\xC3\x97" "28 with the same seed and settings, one "
                       "after another, and compares accuracy, size and speed; the sketch is shown as each model sees it. "
                       "The model of the size in use stays.")
FM_STRING(kFmtCompareTraining, "Comparing: training %d\xC3\x97%d (%d of 3)")  // side, side, n
FM_STRING(kFmtCompareDownloading, "Comparing: downloading the %d\xC3\x97%d data (%d of 3)")  // side, side, n
FM_STRING(kCompareCancel, "Cancel comparison")
FM_STRING(kCompareCancelled, "The comparison was cancelled.")
FM_STRING(kFmtCompareTitle, "Resolutions compared: %s, %d epoch(s), seed %llu")  // model, epochs, seed
FM_STRING(kCompareInput, "Input")
FM_STRING(kCompareVal, "Val acc")
FM_STRING(kCompareTest, "Test acc")
FM_STRING(kCompareParams, "Parameters")
FM_STRING(kCompareSecEpoch, "s / epoch")
FM_STRING(kCompareSketch, "Your sketch")
FM_STRING(kCompareSays, "It says")
FM_STRING(kCompareNoSketch, "draw on the canvas to see each model's guess")
FM_STRING(kCompareChart, "Accuracy by input size (validation: bar, test: tick)")
FM_STRING(kErrCompareBusy, "a run is in progress: wait for it, or reset it, before comparing resolutions")
FM_STRING(kErrCompareRunning, "a comparison is already running")
FM_STRING(kErrCompareCnn, "the book's CNN reads 28\xC3\x97" "28 only: compare resolutions with the small CNN")
FM_STRING(kFmtCompareDiverged, "the run at %d\xC3\x97%d diverged: try a smaller learning rate")  // side, side
FM_STRING(kModelCnn, "CNN, the book's (28\xC3\x97" "28 only)")
FM_STRING(kModelCnnSmall, "Small CNN (cnn-small, fast)")
FM_STRING(kModelCnnShort, "the CNN")
FM_STRING(kModelCnnSmallShort, "the small CNN")
FM_STRING(kNoteCnn28, "The book's CNN reads 28\xC3\x97" "28 images: the input size switches to 28\xC3\x97" "28 (for 14\xC3\x97" "14 pick the small CNN).")
FM_STRING(kLabelAugment, "Augment training images")
FM_STRING(kTipAugment, "Each training image is randomly shifted, scaled, slightly rotated, and sometimes turned into an "
                        "outline like a sketch (same seed, same run). Models read drawings better; the lesson keeps it off.")
FM_STRING(kButtonPresetSketch, "Best for sketches")
FM_STRING(kFmtTipPreset, "Fills in the settings that read drawings best (then press Train): %s")  // settings text
FM_STRING(kFmtBestEpoch, "Early stopping: best epoch so far %d (the run ends with its weights)")
FM_STRING(kFmtStoppedEarly, "Stopped early after epoch %d: the validation loss stopped improving; the weights are epoch %d's")
FM_STRING(kFmtDownloadingSide, "Downloading %d\xC3\x97%d data: %.1f / %.1f MB")  // side, side, MB, MB
FM_STRING(kButtonTrain, "Train")
FM_STRING(kButtonPause, "Pause")
FM_STRING(kButtonResume, "Resume")
FM_STRING(kButtonStepEpoch, "+1 epoch")
FM_STRING(kButtonReset, "Reset")
FM_STRING(kButtonContinue, "Continue from the last good epoch")
FM_STRING(kTipTrain, "Start a new run from fresh weights (Space)")
FM_STRING(kButtonOpenLesson, "Follow the lesson (5 steps)")
FM_STRING(kTipTrainBusy, "Start a new run from fresh weights in place of this one (Space pauses this one)")
FM_STRING(kTipTrainPaused, "Start a new run from fresh weights in place of this one (Space resumes this one)")
FM_STRING(kTipPause, "Pause the run, keeping its weights (Space)")
FM_STRING(kTipResume, "Continue the paused run (Space)")
FM_STRING(kTipStepEpoch, "Train one more epoch, then pause")
FM_STRING(kFmtHintPressTrain, "Press Train (or Space) to train the model on %s images; %s are held out "
                              "for validation.")  // counts
FM_STRING(kFmtHintTapTrain, "Tap Train to train the model on %s images; %s are held out for validation.")  // counts; a touch screen
FM_STRING(kFmtEpochBatch, "Epoch %d / %d - batch %lld / %lld")  // epoch, epochs, batch, batches
FM_STRING(kPhaseIdle, "Idle")
FM_STRING(kPhaseTraining, "Training")
FM_STRING(kPhaseValidating, "Validating")
FM_STRING(kPhaseTesting, "Testing")
FM_STRING(kPhasePaused, "Paused")
FM_STRING(kPhaseDone, "Done")
FM_STRING(kPhaseDiverged, "Diverged")
FM_STRING(kPhaseHidden, "Waiting (tab hidden)")
FM_STRING(kFmtRateEta, "%s samples/s, %.0f s left")  // rate, seconds
FM_STRING(kFmtRate, "%s samples/s")
FM_STRING(kFmtCompute, "%.1f s computing, %s parameters, %.1f ms/frame")  // s, params, budget
FM_STRING(kFmtLastEpoch, "Epoch %d accuracy: train %.4f, val. %.4f")
FM_STRING(kFmtTestAcc, "Test accuracy %.4f")
FM_STRING(kDivergedText, "Training stopped because it diverged:")
FM_STRING(kFmtDataLine, "Data: %s %d\xC3\x97%d, %s training + %s validation images, %s test images.")
FM_STRING(kHintKeys, "Keys: Space trains / pauses, C clears the canvas.")

// --- plots ---
FM_STRING(kHintPlots, "Curves appear while training.")
FM_STRING(kHintFirstEpoch, "Per-epoch points appear after the first validation pass.")
FM_STRING(kFmtPlotSummary, "Epoch %d: validation loss %.4f, accuracy %.4f.")
FM_STRING(kPlotLoss, "Loss")
FM_STRING(kPlotLossAxis, "(cross-entropy)")
FM_STRING(kPlotAccuracy, "Accuracy")
FM_STRING(kPlotAccAxis, "(fraction correct)")
FM_STRING(kPlotEpochAxis, "epoch")
FM_STRING(kSeriesTrainBatch, "train, running mean per batch")
FM_STRING(kSeriesTrainEpoch, "train, per epoch")
FM_STRING(kSeriesVal, "validation, per epoch")
FM_STRING(kSeriesTest, "test")
FM_STRING(kSeriesBlowup, "diverged (undone)")

// --- time travel (panels/time_travel.cpp, session/time_travel.cpp) ---
FM_STRING(kTimeTravel, "Time travel")
FM_STRING(kTimeTravelNow, "now (live)")
FM_STRING(kFmtViewEnd, "epoch %d (end)")  // epoch
FM_STRING(kFmtViewBatch, "epoch %d, batch %lld")  // epoch, batch
FM_STRING(kViewUntrained, "epoch 0 (untrained)")
FM_STRING(kBackToNow, "Back to now")
FM_STRING(kFmtViewConfusion, "Validation: %s images, accuracy %.4f")  // count, accuracy
FM_STRING(kFmtPredictWithViewed, "Predicted by %s at %s")  // model, a point (kFmtViewEnd, ...)
FM_STRING(kFmtViewingBanner, "Viewing %s: training goes on")  // a point (kFmtViewEnd, ...)
FM_STRING(kViewEvaluating, "Computing this model's confusion matrix on the validation set...")
FM_STRING(kViewEngineStopped, "The training engine stopped before this snapshot's confusion matrix was computed "
                              "(epoch ends keep theirs).")
FM_STRING(kFmtSnapshotsDropped, "%d older snapshots were dropped to stay within 64 MB.")  // count
FM_STRING(kTimeTravelHint, "The model is kept at each epoch's end and after 10, 50 and 200 batches of the first: "
                           "pick one to see its confusion matrix, weights, samples and canvas prediction.")
FM_STRING(kTimeTravelImported, "A model loaded from a file has no history: only epochs trained here can be revisited.")
FM_STRING(kErrViewArgs, "viewAt takes {epoch, batch} (whole numbers from 0, batch optional) or 'live'.")
FM_STRING(kErrViewNoRun, "No snapshot to show yet: train a model first.")
FM_STRING(kErrViewImported, "A model loaded from a file has no history to go back to: train more epochs here first.")
FM_STRING(kFmtErrViewBefore, "No snapshot kept at or before that point: the earliest kept is epoch %d, batch %lld.")  // epoch, batch

// --- samples ---
FM_STRING(kSplitTrain, "Train")
FM_STRING(kSplitVal, "Validation")
FM_STRING(kSplitTest, "Test")
FM_STRING(kAllClasses, "All classes")
FM_STRING(kModeBrowse, "Browse")
FM_STRING(kModeHardest, "Hardest examples")
FM_STRING(kTipHardest, "The validation images the model got wrong most confidently (after a validation pass)")
FM_STRING(kModeMap, "Map")
FM_STRING(kTipMap, "What the model has learned: your drawing's nearest images in the model's own representation (click one to draw on it), and a map of the validation set, one dot per image coloured by class (PCA of the last hidden layer, of the logits for the softmax). Updated at every epoch's end; your drawing is the white dot.")
FM_STRING(kMapNoModel, "Train a model: after its first epoch this shows your drawing's nearest images and a map of what the model has learned.")
FM_STRING(kMapNotYet, "The map comes at the end of the first epoch.")
FM_STRING(kFmtNearestTrain, "Nearest of the %s training images (%s):")  // count, representation
FM_STRING(kFmtNearestVal, "Nearest of the %s validation images (%s):")  // count, representation
FM_STRING(kSpacePixels, "pixels")
FM_STRING(kSpaceHidden, "last hidden layer")
FM_STRING(kSpaceLogits, "logits")
FM_STRING(kNearestDraw, "Draw something, or load an image, to see its nearest images.")
FM_STRING(kFmtMapTitle, "Validation set, %s images: PCA of the %s, epoch %d")  // count, representation, epoch
FM_STRING(kMapYourDrawing, "your drawing")
FM_STRING(kFmtDistance, "distance %.2f")
FM_STRING(kFmtCellFilter, "true %s, predicted %s")  // true, predicted
FM_STRING(kButtonBackToBrowse, "Back")
FM_STRING(kFmtPage, "Page %d / %d (%s images)")
FM_STRING(kNoSamples, "No images match.")
FM_STRING(kNoMistakesYet, "Nothing here yet: appears after a validation pass.")
FM_STRING(kFmtTipTestImage, "Test image #%d")
FM_STRING(kFmtTipTrainImage, "Training image #%d")
FM_STRING(kFmtTipValImage, "Validation image (training file #%d)")
FM_STRING(kFmtTipValImageAt, "Validation image #%d (training file #%d)")  // place in the validation set, in the file
FM_STRING(kLabelTruth, "Label")
FM_STRING(kLabelPredicted, "Predicted")
FM_STRING(kTipClickToCanvas, "Click to put it on the drawing canvas")

// --- confusion ---
FM_STRING(kHintConfusion, "The confusion matrix of the validation set appears after the first epoch.")
FM_STRING(kFmtConfusionSummary, "Validation after epoch %d: %s images, accuracy %.4f")
FM_STRING(kConfusionAccHeader, "acc.")
FM_STRING(kConfusionAxes, "rows: true class, columns: predicted class (0-9)")
FM_STRING(kFmtConfusionTip, "True %s, predicted %s: %d images")
FM_STRING(kTipClickCell, "Click to show these images in Samples")

// --- weights ---
FM_STRING(kHintWeights, "The weights appear once a model is training.")
FM_STRING(kWeightsSoftmaxNote, "One template per class: red pixels raise its score, blue ones lower it.")
FM_STRING(kFmtWeightsMlpNote, "First hidden layer: the input weights of each of its %d units (red positive, blue negative); hover one to enlarge it.")
FM_STRING(kFmtWeightsPage, "%d-%d of %d")  // the weights page: first, last, total
FM_STRING(kFmtUnit, "unit %d")
FM_STRING(kFmtWeightsConvNote, "First convolution layer: %d filters, %d\xC3\x97%d each (red positive, blue negative); hover one for its numbers.")
FM_STRING(kFmtFilter, "filter %d")
FM_STRING(kFmtFilterBias, "bias %+.3f")

// --- canvas ---
FM_STRING(kCanvasHint, "Draw a clothing item here")
FM_STRING(kFmtBrush, "brush %.0f")
FM_STRING(kToolDraw, "Draw")
FM_STRING(kToolErase, "Erase")
FM_STRING(kButtonClear, "Clear")
FM_STRING(kButtonUndo, "Undo")
FM_STRING(kFillOutlines, "Fill outlines")
FM_STRING(kTipFill, "Fill closed outlines before predicting: the data set's items are filled silhouettes")
FM_STRING(kWhyToggle, "Why?")
FM_STRING(kTipWhy, "Show what speaks for and against the class: each pixel's share of its score, compared with the average training image (so missing ink counts too). Red for, blue against. Click a bar to explain another class.")
FM_STRING(kFmtWhyLegend, "Red: for %s, blue: against it, compared with the average training image")  // class name
FM_STRING(kWhyFor, "for")
FM_STRING(kWhyAgainst, "against")
FM_STRING(kFmtTipWhyBar, "Click: what speaks for and against %s")  // class name
FM_STRING(kWeightsShowActivations, "Activations")
FM_STRING(kTipActivations, "What each hidden layer makes of your drawing: a convolution's feature maps, a dense layer's units (bright = active), each layer scaled to its largest value. Updates as you draw and as the model trains.")
FM_STRING(kActivationsHint, "Draw on the canvas (or load a test image) to see what each layer makes of it.")
FM_STRING(kFmtActivationsConv, "Convolution %d: %d feature maps, %d\xC3\x97%d")  // layer number, maps, height, width
FM_STRING(kFmtActivationsPool, "Max pooling: %d maps, %d\xC3\x97%d")  // maps, height, width
FM_STRING(kFmtActivationsDense, "Dense layer %d: %d units")  // layer number, units
FM_STRING(kButtonRandomTest, "Random test image")
FM_STRING(kFmtTestImage, "test #%d: %s")
FM_STRING(kCanvasNoModel, "Train a model to see its predictions.")
FM_STRING(kFmtPredictWith, "Predicted by %s after %d epoch(s)%s")  // model, finished epochs, suffix
FM_STRING(kTrainingNow, " (training)")
FM_STRING(kFmtModelInput, "Model input %d\xC3\x97%d")
FM_STRING(kTipModelInput, "The drawing cropped, scaled and centred like the data set's images, then downsampled")
FM_STRING(kTipStepOutline, "Your strokes, scaled so the drawing's longer side fills the frame and centred, re-drawn with a "
                           "line as thick as the data set's (the size and place you drew at do not matter)")
FM_STRING(kTipStepFilled, "The model input: the outline with its closed shapes filled, like the data set's silhouettes")

// --- about ---
FM_STRING(kAboutTitle, "About fmnist-wasm")
FM_STRING(kAboutText, "Trains a neural network on Fashion-MNIST inside your browser: a C++17/Eigen core "
                      "compiled to WebAssembly, time-sliced so the page stays responsive, with a Dear ImGui "
                      "overlay. Nothing is sent anywhere; the data set is downloaded once with the page.")
FM_STRING(kAboutCredits, "Built on:")
FM_STRING(kAboutComponent, "Component")
FM_STRING(kAboutLicense, "Licence")
FM_STRING(kCreditFashion, "Fashion-MNIST (Zalando Research), the data set")
FM_STRING(kCreditImgui, "Dear ImGui 1.86 (Omar Cornut)")
FM_STRING(kCreditSdl, "SDL 2.26.5 (Sam Lantinga and contributors)")
FM_STRING(kCreditEigen, "Eigen 3.4")
FM_STRING(kLicenseMit, "MIT")
FM_STRING(kLicenseZlib, "zlib")
FM_STRING(kLicenseMpl, "MPL-2.0")
FM_STRING(kAboutLicensesFile, "The full licence texts are in the LICENSES file next to this page.")
FM_STRING(kFmtBuildInfo, "Dear ImGui %s, SDL %d.%d.%d, Eigen %d.%d.%d, WebAssembly SIMD: %s")

// --- errors ---
FM_STRING(kErrNoData, "The data set is not loaded yet.")
FM_STRING(kErrBundleSideFailed, "The %d\xC3\x97%d data could not be loaded: ")  // side, side
FM_STRING(kErrBundleSide, "the bundle's image size is not the one requested")
FM_STRING(kErrApiModel, "model must be 'softmax' or 'mlp'")
FM_STRING(kErrApiHidden, "hidden must be a list of 1 or 2 layer widths")
FM_STRING(kErrApiOptimizer, "optimizer must be 'sgd', 'rmsprop' or 'adam'")
FM_STRING(kErrApiLr, "lr must be a number greater than 0 and at most 1000")
FM_STRING(kErrApiSide, "the input size must be 7, 14 or 28")
FM_STRING(kErrPresetSide, "the preset's input size is still downloading: try again when it is in")
FM_STRING(kErrSideWhileTraining, "the input size cannot change during a run: pause and reset first")
FM_STRING(kErrWholeNumber, "%s must be a whole number from %lld to %lld")  // field, min, max
FM_STRING(kErrTestIndex, "the test image index must be a whole number from 0 to %lld")
FM_STRING(kErrTrainIndex, "the training image index must be a whole number from 0 to %lld")
FM_STRING(kErrApiSplit, "split must be 'train', 'val' or 'test'")
FM_STRING(kErrLessonStep, "lesson step must be 1 to 5 (0: all)")
FM_STRING(kErrSdlInit, "SDL could not start: ")
FM_STRING(kErrWindow, "The window could not be created: ")
FM_STRING(kErrGlContext, "WebGL2 could not be started: ")

// --- divergence, model files, storage (session/, panels/layout.cpp, persistence/) ---
FM_STRING(kDivergedTitle, "Training diverged")
FM_STRING(kDivergedHint, "The learning rate is too large for this model. Lower it below, then continue "
                         "from the last good weights (end of the last finished epoch), or reset.")
FM_STRING(kButtonExport, "Export model")
FM_STRING(kButtonImport, "Import model")
FM_STRING(kTipExport, "Download the model file (fmnist eval FILE reads it)")
FM_STRING(kTipImport, "Load a model file (.fmnist or .safetensors) saved by this page, fmnist train --save or fmnist export")
FM_STRING(kButtonExportSafetensors, "Export as safetensors")
FM_STRING(kButtonClassifyImage, "Classify an image...")
FM_STRING(kTipClassifyImage, "Choose a photo or picture (PNG, JPEG, WebP, GIF), or drop one on the page: it becomes a "
                             "model input as Fashion-MNIST made theirs (grey, the object light on black, cropped and "
                             "centred) and the bars show what the model sees in it. Nothing is uploaded.")
FM_STRING(kErrImagePrefix, "The image was refused, the canvas is unchanged: ")

// --- My sketches: the correction loop (issue 14 §1; panels/my_sketches.cpp) ---
FM_STRING(kSketchesTitle, "Teach it back")
FM_STRING(kCorrectPrompt, "Wrong? It's a")
FM_STRING(kButtonTeach, "Teach it")
FM_STRING(kTipTeach, "Adds the drawing, with the class you picked, to My sketches and fine-tunes the model on it "
                     "at once: a few hundred steps mixing your sketches (moved, scaled and turned a little) with "
                     "ordinary training images, with the run's optimizer.")
FM_STRING(kFmtCorrecting, "Fine-tuning... %d/%d steps")  // steps done, steps
FM_STRING(kFmtLastFix, "Your %s: read as %s (%.0f%%) before, %s (%.0f%%) after.")  // label, before, %, after, %
FM_STRING(kFmtValCost, "Validation accuracy %.2f%% -> %.2f%% (%+.2f points), %.1f s.")  // before, after, change, seconds
FM_STRING(kButtonUndoCorrection, "Undo last correction")
FM_STRING(kFmtFineTuned, "Fine-tuned by %d correction(s): its seed and link no longer reproduce this model.")  // count
FM_STRING(kFmtMySketches, "My sketches (%d)")  // count
FM_STRING(kSketchesNone, "Correct a wrong guess and the sketch is kept here, with its class.")
FM_STRING(kButtonExportSketches, "Export")
FM_STRING(kButtonImportSketches, "Import")
FM_STRING(kButtonClearSketches, "Clear all")
FM_STRING(kTipDeleteSketch, "Delete this sketch")
FM_STRING(kErrCorrectLabel, "The class must be a whole number from 0 to 9.")
FM_STRING(kErrCorrectEmpty, "Nothing to correct: draw a sketch on an empty canvas first, then pick its class.")
FM_STRING(kErrCorrectNoModel, "Nothing to correct: train or import a model first.")
FM_STRING(kErrCorrectTraining, "The model is training: pause it or wait until it is done, then correct it.")
FM_STRING(kErrCorrectBusy, "A correction is running: wait for it to finish.")
FM_STRING(kErrUndoNothing, "There is no correction to undo.")
FM_STRING(kFmtErrSketchesFull, "My sketches is full (%d sketches): delete some first.")  // the most
FM_STRING(kErrSketchesImport, "My sketches were not imported, nothing changed: ")
FM_STRING(kErrSketchesStorage, "My sketches could not be kept for your next visit: the browser's storage is full. "
                               "Export them to keep them.")
FM_STRING(kErrSketchIndex, "There is no sketch with that number in My sketches.")
FM_STRING(kFmtErrImageNotImage, "%s is not an image the browser can read (PNG, JPEG, WebP, GIF, ...)")  // file name
FM_STRING(kFmtErrImageBytes, "%s has %s bytes, more than the %s bytes read")  // name, size, limit
FM_STRING(kButtonUserData, "Your data (CSV)...")
FM_STRING(kTipUserData, "Train on your own 28\xC3\x97" "28 images: a CSV file in Kaggle's Fashion-MNIST form (label,pixel1,...,pixel784; "
                        "labels 0-9, at most 200,000 rows), optionally a second CSV as the test set (its name contains "
                        "\"test\") and a text file of ten class names, chosen together. They are read here, never uploaded.")
FM_STRING(kButtonBackToBuiltin, "Back to Fashion-MNIST")
FM_STRING(kTipBackToBuiltin, "Use Fashion-MNIST again (your data set and the model trained on it are dropped)")
FM_STRING(kYourData, "Your data")
FM_STRING(kFmtUserDataReading, "Reading your data: %s images")  // count so far
FM_STRING(kErrUserDataPrefix, "Your data was refused, the current data is kept: ")
FM_STRING(kErrUserDataNoCsv, "Choose a CSV file (label,pixel1,...,pixel784) to train on, with or without a test CSV and a names file.")
FM_STRING(kErrUserDataTooMany, "Choose at most two CSV files (training and test) and one names file.")
FM_STRING(kErrUserDataBusy, "Your data is still being read: wait for it, then try again.")
FM_STRING(kNoticeUserNoTest, "Your data has no test set, so there is no test accuracy: choose a second CSV (with \"test\" in its name) for one.")
FM_STRING(kTipExportSafetensors, "Download the model as safetensors, for PyTorch, Keras 3 or NumPy (fmnist eval reads it too)")
FM_STRING(kErrNoModel, "There is no model to export: train one first.")
FM_STRING(kErrImportPrefix, "The model file was refused, the current model is kept: ")
FM_STRING(kErrImportNeedsSide, "it needs the %d\xC3\x97%d data: choose Input size %d\xC3\x97%d, wait for "
                             "the download, then import it again")
FM_STRING(kErrImportEmpty, "the file is empty")
FM_STRING(kErrStorageTooLarge, "This model is too large to keep across reloads (browser storage is full); "
                               "use Export model to keep it.")
FM_STRING(kErrNotDiverged, "There is no diverged run to continue.")
FM_STRING(kFmtEngineRefused, "The training engine refused '%s' (%s).")  // command, reason code
FM_STRING(kFmtEngineStopped, "The training engine stopped (%s: %s). The last model still predicts; "
                             "Train starts a new engine.")  // kind, message
FM_STRING(kPhaseStarting, "Starting the run...")
FM_STRING(kErrRestore, "The saved model could not be restored and was discarded: ")

// --- language, link settings, font credit (i18n/, settings/, panels/layout.cpp) ---
FM_STRING(kLanguageEnglish, "English")
FM_STRING(kLanguageKorean, "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4")  // the language's own name: 한국어
FM_STRING(kTipLanguage, "Language of the page")
FM_STRING(kFmtNoticeIgnored, "Some settings in the link were ignored: %s")  // list of "key=value (reason)"
FM_STRING(kReasonUnknownKey, "unknown setting")
FM_STRING(kReasonModel, "softmax or mlp")
FM_STRING(kReasonHidden, "1 or 2 widths from 1 to 1024, e.g. 100 or 100,50")
FM_STRING(kReasonOptimizer, "sgd, rmsprop or adam")
FM_STRING(kFmtReasonLr, "a number above 0, at most %g")
FM_STRING(kFmtReasonWhole, "a whole number from %lld to %lld")
FM_STRING(kFmtFieldKept, "Must be %s; kept %s.")  // reason, the value kept
FM_STRING(kReasonSide, "7, 14 or 28")
FM_STRING(kReasonLang, "en or ko")
FM_STRING(kFmtApiMustBe, "%s must be %s (not %s)")  // key, what it must be, the value given
FM_STRING(kCreditFont, "NanumGothic (NAVER Corp.), subset for this page as \"fmnist-ko\"")
FM_STRING(kLicenseOfl, "OFL-1.1")

// --- the guided lesson (panels/lesson*.cpp) ---
FM_STRING(kMenuLesson, "Lesson")
FM_STRING(kLessonTitle, "Lesson: a first neural network")
FM_STRING(kLessonIntro, "Five steps from the data to a first neural network. Run one step, or all of them in order.")
FM_STRING(kLessonRunAll, "Run all steps")
FM_STRING(kLessonNextStep, "Next step >")
FM_STRING(kLessonRun, "Run")
FM_STRING(kLessonCancel, "Cancel")
FM_STRING(kLessonRunning, "running...")
FM_STRING(kLessonCancelled, "Cancelled.")
FM_STRING(kLessonNeedsData, "Waiting for the data...")
FM_STRING(kFmtReference, "reference (%d\xC3\x97%d): %s")  // side, side, numbers
FM_STRING(kLessonStep1Title, "1. The data")
FM_STRING(kLessonStep1Text, "Fashion-MNIST holds 70,000 small grey photos of clothing in 10 classes: 60,000 to learn "
                            "from and 10,000 kept for the final test. The originals are 28\xC3\x97" "28 pixels with the "
                            "item light on a dark background; this page uses 14\xC3\x97" "14 copies (each pixel the "
                            "mean of a 2\xC3\x97" "2 block) unless you choose 28\xC3\x97" "28.")
FM_STRING(kFmtShapes, "Training images: %s \xC3\x97 %d \xC3\x97 %d, labels: %s. Test images: %s \xC3\x97 %d \xC3\x97 %d.")
FM_STRING(kLessonFirstTen, "The first ten training images:")
FM_STRING(kLessonBalance, "Images per class (training set):")
FM_STRING(kLessonStep2Title, "2. Logistic regression, cross-validated")
FM_STRING(kLessonStep2Text, "A linear model gives each class a score: a weighted sum of the pixels. It is trained "
                            "by stochastic gradient descent on the log loss, one yes-or-no model per class (as "
                            "scikit-learn's SGDClassifier does), for 5 passes. Cross-validation cuts the 60,000 "
                            "images into 5 folds and, five times, trains on four and scores the fifth: the mean "
                            "is a steadier estimate than a single split.")
FM_STRING(kFmtFoldDone, "Fold %d: %.4f")
FM_STRING(kFmtFoldRunning, "Fold %d: training")
FM_STRING(kFmtCvMean, "Mean accuracy: %.4f (%.1f s)")
FM_STRING(kLessonStep3Title, "3. Training and validation sets")
FM_STRING(kLessonStep3Text, "To watch a network learn without touching the test set, part of the 60,000 training "
                            "images is put aside: 80% to train on, 20% to validate on, drawn at random with a "
                            "fixed seed so every run uses the same split.")
FM_STRING(kFmtSplit, "Training: %s images. Validation: %s images (seed %d).")
FM_STRING(kLessonStep4Title, "4. A Dense layer with softmax")
FM_STRING(kLessonStep4Text, "Still one weighted sum per class, but now the 10 scores are learned together: a Dense "
                            "layer of 10 units whose softmax turns the scores into probabilities, trained on the "
                            "cross-entropy with RMSprop (learning rate 0.001, batches of 32) for 5 epochs, as "
                            "Keras does by default. The live plots follow it.")
FM_STRING(kFmtDenseEpoch, "Epoch %d: validation accuracy %.4f")
FM_STRING(kFmtDenseResult, "Validation accuracy after %d epochs: %.4f")
FM_STRING(kLessonStep5Title, "5. What changed, and what next")
FM_STRING(kLessonStep5Text, "Both models draw straight boundaries between classes: each score is a weighted sum of "
                            "pixels. What changed is how the weights are learned: one softmax over all classes "
                            "instead of ten separate yes-or-no models, an adaptive optimizer with minibatches, and "
                            "a held-out validation set to judge it. To go beyond straight boundaries the network "
                            "needs a hidden layer between the pixels and the classes. Try 100 ReLU units, then "
                            "draw a piece of clothing on the canvas and see what each model makes of it.")
FM_STRING(kLessonAddHidden, "Set up a hidden layer (100 units, Adam)")
FM_STRING(kLessonHiddenReady, "Ready: press Train in the Training panel.")
FM_STRING(kLessonGoCanvas, "Go to the drawing canvas")
