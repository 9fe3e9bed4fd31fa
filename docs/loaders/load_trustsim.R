#!/usr/bin/env Rscript
# Read TrustSim output folders into data frames, typed by each folder's datapackage.json.
#
#   Rscript docs/loaders/load_trustsim.R FOLDER [FOLDER ...]
#
# prints a short summary of each folder (run, sweep, comparison or calibration). Or, in your own code:
#
#   source("docs/loaders/load_trustsim.R")
#   tables <- load_folder("output/cambridge-analytica/20250101-120000")
#   summary(tables$summary$final_reputation)
#
# Every table comes with the types its data package declares: numbers (integers included: R's integers are
# 32-bit, and a run id can pass 2^31) as double, an empty field as NA; dates as Date; booleans as logical;
# text as character. Seeds are text ("0x" and 16 hex digits), because a 64-bit seed above 2^53 has no exact
# double: compare them as text, or use bit64 if you need the number. Text a spreadsheet would take for a
# formula was written with one leading quote (docs/reliability.md); it is taken off here. A sweep's
# timeseries.parquet needs the arrow package; without it the loader reads the gzipped CSV copy that
# `trustsim export FOLDER --format csv` writes to FOLDER/export/.
#
# Needs jsonlite; uses readr when it is installed and base R's read.csv otherwise.

suppressPackageStartupMessages(library(jsonlite))

read_package <- function(folder) {
  path <- file.path(folder, "datapackage.json")
  if (!file.exists(path)) return(NULL)
  fromJSON(path, simplifyVector = TRUE, simplifyDataFrame = FALSE)
}

# One leading quote before (more quotes and then) = + - @ tab or CR: the writer's formula guard.
undo_formula_guard <- function(x) sub("^'(?='*[-=+@\t\r])", "", x, perl = TRUE)

read_table <- function(folder, resource) {
  path <- file.path(folder, resource$path)
  names <- vapply(resource$schema$fields, function(f) f$name, "")
  types <- vapply(resource$schema$fields, function(f) f$type, "")
  if (resource$format == "parquet") {
    frame <- as.data.frame(arrow::read_parquet(path))
  } else if (requireNamespace("readr", quietly = TRUE)) {
    spec <- lapply(types, function(t) switch(t,
      integer = , number = readr::col_double(),
      date = readr::col_date("%Y-%m-%d"),
      boolean = readr::col_logical(),
      readr::col_character()))
    names(spec) <- names
    frame <- as.data.frame(readr::read_csv(path, col_types = do.call(readr::cols, spec), na = "", progress = FALSE))
  } else {
    classes <- c(integer = "numeric", number = "numeric", date = "character", boolean = "logical", string = "character")[types]
    frame <- utils::read.csv(path, colClasses = unname(classes), na.strings = "", check.names = FALSE, encoding = "UTF-8")
    for (k in which(types == "date")) frame[[k]] <- as.Date(frame[[k]], format = "%Y-%m-%d")
  }
  if (!identical(names(frame), names)) stop(path, ": columns differ from those datapackage.json lists")
  if (resource$format != "parquet") for (k in which(types == "string")) frame[[k]] <- undo_formula_guard(frame[[k]])
  frame
}

# Every table of a folder, by resource name; a Parquet table without arrow comes from FOLDER/export.
load_folder <- function(folder) {
  package <- read_package(folder)
  if (is.null(package)) stop(folder, ": no datapackage.json (not a TrustSim folder, unfinished, or written by a trustsim before 2026)")
  exported <- read_package(file.path(folder, "export"))
  copies <- Filter(function(r) r$format == "csv", if (is.null(exported)) list() else exported$resources)
  names(copies) <- vapply(copies, function(r) r$name, "")
  tables <- list()
  for (resource in package$resources) {
    if (is.null(resource$schema)) next
    if (resource$format == "parquet" && !requireNamespace("arrow", quietly = TRUE)) {
      if (is.null(copies[[resource$name]])) {
        cat(sprintf("  %s: skipped (needs the arrow package; or run: trustsim export %s --format csv)\n", resource$path, folder))
        next
      }
      tables[[resource$name]] <- read_table(file.path(folder, "export"), copies[[resource$name]])
      next
    }
    tables[[resource$name]] <- read_table(folder, resource)
  }
  attr(tables, "package") <- package
  tables
}

summarise_folder <- function(folder) {
  package <- read_package(folder)
  if (!is.null(package)) cat(sprintf("%s: %s\n", folder, package$title))
  tables <- load_folder(folder)
  kind <- strsplit(package$name, "-", fixed = TRUE)[[1]][2]
  for (name in names(tables)) cat(sprintf("  %s: %d rows x %d columns\n", name, nrow(tables[[name]]), ncol(tables[[name]])))
  if (kind == "run") {
    s <- tables$summary
    cat(sprintf("  %d replications, seeds %s; final reputation mean %.4f (min %.4f)\n", nrow(s),
                paste(s$seed, collapse = " "), mean(s$final_reputation), min(s$final_reputation)))
    counts <- table(tables$events$kind)
    cat("  events by kind:", paste(names(counts), counts, collapse = ", "), "\n")
    cat(sprintf("  last date %s\n", format(max(tables$timeseries$date))))
  } else if (kind == "sweep") {
    r <- tables$runs
    cat(sprintf("  %d runs, %d completed\n", nrow(r), sum(r$status == "completed")))
    if (!is.null(tables$points)) {
      p <- tables$points
      metric <- grep("_mean$", names(p), value = TRUE)[1]
      if (length(unique(p[[2]])) <= 8) {
        means <- tapply(p[[metric]], p[[2]], mean)
        cat(sprintf("  %s by %s: %s\n", metric, names(p)[2], paste(sprintf("%g: %.4f", as.numeric(names(means)), means), collapse = ", ")))
      } else {
        # A sampled design (Latin hypercube, Sobol, Morris): every point has its own value.
        cat(sprintf("  %s over %d points: %.4f to %.4f, correlation with %s %+.2f\n", metric, nrow(p), min(p[[metric]], na.rm = TRUE),
                    max(p[[metric]], na.rm = TRUE), names(p)[2], cor(p[[metric]], p[[2]], use = "complete.obs")))
      }
    }
    if (!is.null(tables$timeseries)) {
      t <- tables$timeseries
      cat(sprintf("  time series: %d runs of %d steps\n", nrow(unique(t[c("point", "replication")])), max(t$step) + 1))
    }
  } else if (kind == "comparison") {
    c <- tables$comparison
    c <- c[c$metric == "final_reputation", ]
    for (k in seq_len(nrow(c))) {
      d <- if (is.na(c$difference[k])) "" else sprintf(", difference %+.4f (p %.3g)", c$difference[k], c$p_value[k])
      cat(sprintf("  final_reputation, %s: mean %.4f%s\n", c$side[k], c$mean[k], d))
    }
  } else if (kind == "calibration" && !is.null(tables$posterior)) {
    # A posterior: each quantity's median and 95% credible interval, and whether the chains converged.
    s <- tables$summary
    for (k in seq_len(nrow(s))) {
      cat(sprintf("  posterior %s: median %.4g, 95%% interval [%.4g, %.4g], R-hat %.3f\n",
                  s$quantity[k], s$median[k], s$q025[k], s$q975[k], s$rhat[k]))
    }
    d <- tables$posterior
    cat(sprintf("  %d draws from %d chains\n", nrow(d), length(unique(d$chain))))
  } else if (kind == "calibration") {
    f <- tables$fit
    for (k in seq_len(nrow(f))) cat(sprintf("  fitted %s = %.6g\n", f$parameter[k], f$value[k]))
  }
  invisible(tables)
}

if (sys.nframe() == 0L) {
  folders <- commandArgs(trailingOnly = TRUE)
  if (length(folders) == 0) stop("usage: Rscript load_trustsim.R FOLDER [FOLDER ...]")
  for (folder in folders) summarise_folder(folder)
}
