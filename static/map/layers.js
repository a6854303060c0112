/* Map layers built from compact JSON payloads: events (circles, clusters, heat), styled
 * shapes and points (basemap, choropleth, borders, bases), the legend, and the time bar that
 * filters events, bases and borders by date in the browser.
 * static/map/README.md describes each factory's payload and options; the events payload
 * carries its own schema, so nothing here repeats a constant of the Python side.
 * Every text that comes from the data is written with textContent, never as HTML. */
(function () {
  "use strict";

  var STYLE = [
    ".cajn-popup{font:13px/1.35 system-ui,sans-serif;max-width:340px}",
    ".cajn-popup h4{margin:0 0 4px;font-size:14px;display:flex;align-items:center;gap:6px}",
    ".cajn-popup table{border-collapse:collapse;margin:4px 0}",
    ".cajn-popup th{text-align:left;font-weight:600;padding:1px 8px 1px 0;vertical-align:top;white-space:nowrap}",
    ".cajn-popup td{padding:1px 0}",
    ".cajn-popup.cajn-wrap th{white-space:normal;max-width:190px}",
    ".cajn-popup p{margin:6px 0}",
    ".cajn-popup ol{margin:2px 0 0;padding-left:18px}",
    ".cajn-note{color:#555;font-size:12px}",
    ".cajn-cell-note{background:rgba(255,255,255,.94);padding:5px 9px;border-radius:4px;max-width:min(380px,60vw);",
    "box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.3 system-ui,sans-serif}",
    // Who says what: small type in a wider popup, scrolling inside it past about six figures; a
    // one-word cell (a date, a number, a kind) stays on one line, the others wrap between words.
    ".cajn-popup.cajn-wide{max-width:600px}",
    ".cajn-figures{max-height:27em;overflow-y:auto;margin:4px 0 6px;font-size:11px;line-height:1.25}",
    ".cajn-figures table{margin:0;width:100%}",
    ".cajn-figures caption{text-align:left;font-weight:700;font-size:12px;padding-bottom:2px}",
    ".cajn-figures th,.cajn-figures td{padding:2px 6px 2px 0;vertical-align:top;white-space:normal;",
    "border-bottom:1px solid #e4e4e4}",
    ".cajn-figures th{position:sticky;top:0;background:#fff}",
    ".cajn-figures td.cajn-word{white-space:nowrap}",
    ".cajn-figures tr.cajn-marked td{font-weight:700}",
    ".cajn-swatch{display:inline-block;width:12px;height:12px;border-radius:50%;border:1px solid #333;flex:none}",
    // No height cap: the legend takes as many columns as it needs to show every entry (see _fit).
    ".cajn-legend{background:rgba(255,255,255,.94);padding:8px 10px;border-radius:4px;",
    "box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.3 system-ui,sans-serif;max-width:250px;box-sizing:border-box}",
    ".cajn-legend summary{font-weight:700;cursor:pointer}",
    ".cajn-legend-body{column-gap:14px}",
    ".cajn-legend-section{break-inside:avoid}",
    ".cajn-legend h5{margin:6px 0 3px;font-size:12px}",
    ".cajn-legend-row{display:flex;align-items:center;gap:6px;margin:1px 0}",
    ".cajn-legend-row span{min-width:0;overflow-wrap:anywhere}",
    ".cajn-legend svg{flex:none}",
    ".leaflet-heatmap-layer{pointer-events:none}",
    ".cajn-stamp{background:rgba(255,255,255,.9);padding:5px 9px;border-radius:4px;max-width:min(440px,55vw);",
    "box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.3 system-ui,sans-serif}",
    ".cajn-stamp strong{display:block;font-size:16px;margin-bottom:1px}",
    // The time bar: small enough to leave the map its room, large enough to hit on a projector.
    ".cajn-timebar{background:rgba(255,255,255,.94);padding:4px 8px 2px;border-radius:4px;box-sizing:border-box;",
    "box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.2 system-ui,sans-serif;max-width:calc(100vw - 40px)}",
    ".cajn-tb-row{display:flex;align-items:center;gap:3px;margin-bottom:2px}",
    ".cajn-tb-button{min-width:26px;height:24px;padding:0 5px;border:1px solid #999;border-radius:3px;",
    "background:#fff;font:13px/1 system-ui,sans-serif;cursor:pointer}",
    ".cajn-tb-button:hover{background:#eef}",
    ".cajn-tb-play{min-width:34px;font-weight:700}",
    ".cajn-tb-speed{height:24px;font:12px system-ui,sans-serif;margin-left:3px}",
    ".cajn-tb-readout{margin-left:6px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}",
    ".cajn-tb-slider{outline-offset:1px}",
    ".cajn-tb-slider:focus-visible,.cajn-tb-button:focus-visible,.cajn-tb-speed:focus-visible{outline:2px solid #1a5fb4}",
    ".cajn-tb-chart{display:block;margin:0 7px;cursor:ew-resize;touch-action:none;overflow:visible}",
    ".cajn-tb-bar{fill:#6b6b6b}",
    ".cajn-tb-brush{fill:rgba(26,95,180,.22);stroke:#1a5fb4;stroke-width:1}",
    ".cajn-tb-handle{fill:#1a5fb4}",
    ".cajn-tb-ticks line{stroke:#444}",
    ".cajn-tb-ticks text{font-size:10px;fill:#333;text-anchor:middle}"
  ].join("");

  function injectStyle() {
    if (document.getElementById("cajn-style")) { return; }
    var style = document.createElement("style");
    style.id = "cajn-style";
    style.textContent = STYLE;
    document.head.appendChild(style);
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  /* `text` in `parent`, as a link that opens apart when `url` is an http(s) address. */
  function appendLinked(parent, text, url) {
    var safe = safeUrl(url);
    if (!safe) {
      parent.appendChild(document.createTextNode(String(text)));
      return;
    }
    var link = el("a", text);
    link.href = safe;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    parent.appendChild(link);
  }

  /* Who says what, from {caption, columns (headings), rows: [{cells: [{text, url}], marked}]}:
   * a marked row (the latest official figure) in bold. */
  function figureTable(figures) {
    var box = el("div", null, "cajn-figures");
    var table = el("table"), head = el("tr"), body = el("tbody");
    table.appendChild(el("caption", figures.caption));
    figures.columns.forEach(function (heading) {
      var th = el("th", heading);
      th.scope = "col";
      head.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(head);
    figures.rows.forEach(function (row) {
      var tr = el("tr", null, row.marked ? "cajn-marked" : null);
      row.cells.forEach(function (cell) {
        var td = el("td", null, /\s/.test(cell.text) ? null : "cajn-word");
        appendLinked(tr.appendChild(td), cell.text, cell.url);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    return box;
  }

  /* A popup from {title, color, rows: [{label, value}], figures, text, sources: [{title, url}],
   * sourcesLabel, note, wrap}; `figures` as figureTable takes them; `wrap` lets long row headings
   * wrap rather than push their values out of the popup. */
  function popupContent(spec) {
    var box = el("div", null, (spec.figures ? "cajn-popup cajn-wide" : "cajn-popup") + (spec.wrap ? " cajn-wrap" : ""));
    var head = el("h4");
    if (spec.color) {
      var swatch = el("span", null, "cajn-swatch");
      swatch.style.background = spec.color;
      head.appendChild(swatch);
    }
    head.appendChild(el("span", spec.title));
    box.appendChild(head);
    if (spec.rows && spec.rows.length) {
      var table = el("table");
      spec.rows.forEach(function (row) {
        var tr = el("tr");
        tr.appendChild(el("th", row.label));
        tr.appendChild(el("td", row.value));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    if (spec.figures) { box.appendChild(figureTable(spec.figures)); }
    if (spec.text) { box.appendChild(el("p", spec.text)); }
    if (spec.sources && spec.sources.length) {
      box.appendChild(el("strong", spec.sourcesLabel));
      var list = el("ol");
      spec.sources.forEach(function (source) { appendLinked(list.appendChild(el("li")), source.title, source.url); });
      box.appendChild(list);
    }
    if (spec.note) { box.appendChild(el("div", spec.note, "cajn-note")); }
    return box;
  }

  function tooltipContent(lines) {
    var box = el("div");
    (lines || []).forEach(function (line, index) {
      box.appendChild(index === 0 ? el("strong", line) : el("div", line));
    });
    return box;
  }

  /* Report a clicked record to the hosting dashboard, which shows its full detail card.
   * The channel is streamlit-folium's, not a public API: its frontend keeps the state it sends
   * back to Python in window.__GLOBAL_DATA__, and on the map's own click (the marker's click
   * bubbles up to it) sends, 250 ms later, the fields the page asked for. The page asks for
   * last_object_clicked_tooltip, which holds "selectionKey:index:stamp" (the events layer's `key`
   * option, the event's position in the payload, the time of the click); geo/map/card.py's
   * clicked_index decodes it and ignores a click made on another selection. Outside the dashboard (an exported HTML
   * file) the global is absent and a click only opens the popup. */
  function reportClick(value) {
    // The time of the click makes a second click on the same circle news to the frontend, which
    // sends only what changed: the table may have chosen another attack in between.
    if (window.__GLOBAL_DATA__) { window.__GLOBAL_DATA__.last_object_clicked_tooltip = value + ":" + Date.now(); }
  }

  /* Panes order the layers: basemap, then shaded countries, borders and bases, then events. */
  function ensurePane(map, name, zIndex) {
    if (name && !map.getPane(name)) { map.createPane(name).style.zIndex = zIndex || 400; }
  }

  /* ---------- place names: countries and cities, drawn without tiles ---------- */

  var LABEL_STYLE = [
    ".cajn-label{position:absolute;left:0;top:0;white-space:nowrap;pointer-events:none;color:#262626;",
    "font:11px/13px system-ui,sans-serif;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}",
    ".cajn-label-capital{font-weight:700}",
    ".cajn-label-country{color:#707070;font:600 12px/14px system-ui,sans-serif;letter-spacing:.08em}",
    ".cajn-label-dot{position:absolute;left:0;top:0;width:4px;height:4px;border-radius:50%;",
    "background:#3a3a3a;border:1px solid #fff;pointer-events:none}"
  ].join("");
  var LABEL_FONTS = {country: "600 12px system-ui,sans-serif", capital: "700 11px system-ui,sans-serif",
    city: "11px system-ui,sans-serif"};
  var LABEL_GAP = 2;

  /* Places named at their zooms (payload.places, in the order they claim room), each skipped
   * where it would overlap one already placed; a city's name goes right of its dot, else left,
   * a country's at its label point, else a line above or below.
   * The pane has no pointer events, so a name never takes a click meant for a circle. */
  L.CajnLabels = L.Layer.extend({
    initialize: function (payload, options) {
      L.setOptions(this, options);
      this._payload = payload;
      this._placed = [];
    },
    onAdd: function (map) {
      ensurePane(map, this.options.pane, this.options.paneZ);
      if (!document.getElementById("cajn-label-style")) {
        var style = document.createElement("style");
        style.id = "cajn-label-style";
        style.textContent = LABEL_STYLE;
        document.head.appendChild(style);
      }
      var pane = map.getPane(this.options.pane) || map.getPanes().overlayPane;
      pane.style.pointerEvents = "none";
      this._box = L.DomUtil.create("div", "cajn-labels", pane);
      this._layout();
    },
    onRemove: function () { L.DomUtil.remove(this._box); },
    getEvents: function () {
      return {zoomstart: this._hide, zoomend: this._layout, viewreset: this._layout, moveend: this._draw};
    },
    getAttribution: function () { return this.options.attribution; },
    placed: function () { return this._placed; },
    _hide: function () { this._box.style.display = "none"; },
    _width: function (text, kind) {
      var ctx = this._ctx || (this._ctx = document.createElement("canvas").getContext("2d"));
      ctx.font = LABEL_FONTS[kind];
      return ctx.measureText(text).width + (kind === "country" ? 0.96 * text.length : 0);
    },
    /* Chooses the names shown at this zoom over the whole map, so that a pan shows or hides none. */
    _layout: function () {
      var map = this._map, zoom = map.getZoom(), kinds = this._payload.kinds, lang = this.options.lang;
      var taken = [], placed = [], self = this;
      function free(b) {
        for (var k = 0; k < taken.length; k++) {
          var o = taken[k];
          if (b[0] < o[2] + LABEL_GAP && o[0] < b[2] + LABEL_GAP && b[1] < o[3] + LABEL_GAP && o[1] < b[3] + LABEL_GAP) {
            return false;
          }
        }
        return true;
      }
      this._payload.places.forEach(function (place) {
        if (zoom < place[2] || zoom > place[3]) { return; }
        var kind = kinds[place[4]], text = kind === "country" ? place[5].toLocaleUpperCase(lang) : place[5];
        var at = map.latLngToLayerPoint([place[1], place[0]]), w = self._width(text, kind), h = 13;
        // A country's name may move a line up or down, off a capital near its label point.
        var boxes = kind === "country"
          ? [0, -16, 16].map(function (dy) { return [at.x - w / 2, at.y - 7 + dy, at.x + w / 2, at.y + 7 + dy]; })
          : [[at.x - 3, at.y - h / 2, at.x + 5 + w, at.y + h / 2], [at.x - 5 - w, at.y - h / 2, at.x + 3, at.y + h / 2]];
        for (var k = 0; k < boxes.length; k++) {
          if (free(boxes[k])) {
            taken.push(boxes[k]);
            placed.push({kind: kind, text: text, at: at, box: boxes[k], right: k === 0, latlng: [place[1], place[0]]});
            return;
          }
        }
      });
      this._placed = placed;
      this._draw();
      this._box.style.display = "";
    },
    /* Writes the placed names that fall in the view or near it. */
    _draw: function () {
      var map = this._map, view = map.getPixelBounds().pad(0.5), origin = map.getPixelOrigin();
      var box = this._box;
      box.textContent = "";
      this._placed.forEach(function (label) {
        var b = label.box;
        if (b[2] + origin.x < view.min.x || b[0] + origin.x > view.max.x ||
            b[3] + origin.y < view.min.y || b[1] + origin.y > view.max.y) { return; }
        var text = L.DomUtil.create("div", "cajn-label cajn-label-" + label.kind, box);
        text.textContent = label.text;
        if (label.kind === "country") {
          L.DomUtil.setPosition(text, L.point(b[0], b[1]));
          return;
        }
        var dot = L.DomUtil.create("div", "cajn-label-dot", box);
        L.DomUtil.setPosition(dot, L.point(label.at.x - 3, label.at.y - 3));
        L.DomUtil.setPosition(text, L.point(label.right ? label.at.x + 5 : b[0], b[1]));
      });
    }
  });
  L.cajnLabels = function (payload, options) { return new L.CajnLabels(payload, options); };

  /* ---------- the scale bar, its units written in the page's language ---------- */

  /* Leaflet's own scale writes "m", "km", "ft" and "mi" in English whatever the page's language. */
  L.CajnScale = L.Control.Scale.extend({
    _unit: function (unit, value) { return this.options.units[unit].replace("{0}", value); },
    _updateMetric: function (maxMeters) {
      var meters = this._getRoundNum(maxMeters);
      var text = meters < 1000 ? this._unit("m", meters) : this._unit("km", meters / 1000);
      this._updateScale(this._mScale, text, meters / maxMeters);
    },
    _updateImperial: function (maxMeters) {
      var maxFeet = maxMeters * 3.2808399, maxMiles, round;
      if (maxFeet > 5280) {
        maxMiles = maxFeet / 5280;
        round = this._getRoundNum(maxMiles);
        this._updateScale(this._iScale, this._unit("mi", round), round / maxMiles);
      } else {
        round = this._getRoundNum(maxFeet);
        this._updateScale(this._iScale, this._unit("ft", round), round / maxFeet);
      }
    },
    _updateScale: function (scale, text, ratio) {
      scale.style.width = Math.round(this.options.maxWidth * ratio) + "px";
      scale.textContent = text;
    }
  });
  L.cajnScale = function (units, options) {
    return new L.CajnScale(L.extend({}, options, {units: units}));
  };

  /* ---------- styled GeoJSON features: basemap, choropleth, borders, bases ---------- */

  function shapeIcon(shape, color, size) {
    var svg = shape === "square"
      ? '<rect x="2" y="2" width="12" height="12" stroke="#222" stroke-width="1.5"/>'
      : '<path d="M8 1.5 L14.5 14 L1.5 14 Z" stroke="#222" stroke-width="1.5"/>';
    return L.divIcon({
      className: "",
      iconSize: [size, size],
      html: '<svg width="' + size + '" height="' + size + '" viewBox="0 0 16 16" fill="' +
        (/^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "#777") + '">' + svg + "</svg>"
    });
  }

  L.CajnFeatures = L.GeoJSON.extend({
    initialize: function (data, options) {
      injectStyle();
      var self = this;
      // Shapes nobody clicks are cheaper drawn on one canvas than as thousands of SVG paths.
      if (options && options.canvas) { options = L.extend({}, options, {renderer: L.canvas({pane: options.pane})}); }
      L.GeoJSON.prototype.initialize.call(this, data, L.extend({
        style: function (feature) { return feature.properties.style || {}; },
        pointToLayer: function (feature, latlng) { return self._point(feature, latlng); },
        onEachFeature: function (feature, layer) { self._bind(feature, layer); }
      }, options));
      // Features dated by `years` or `periods` follow the time bar's window, when the map has one.
      this._timed = [];
      this.eachLayer(function (layer) {
        var p = layer.feature && layer.feature.properties;
        if (p && (p.years || p.periods)) { self._timed.push(layer); }
      });
    },
    onAdd: function (map) {
      // The drawn basemap sits below any tile layer the user switches on.
      ensurePane(map, this.options.pane, this.options.paneZ);
      if (this._timed.length) {
        map.on("cajnwindow", this._onWindow, this);
        if (map._cajnWindow) { this._applyWindow(map._cajnWindow); }
      }
      L.GeoJSON.prototype.onAdd.call(this, map);
    },
    onRemove: function (map) {
      map.off("cajnwindow", this._onWindow, this);
      L.GeoJSON.prototype.onRemove.call(this, map);
    },
    _onWindow: function (e) { this._applyWindow(e.window); },
    /* Shows the features whose years meet the window's, a border in the style of its gravest
     * status then (its first period that meets them), and hides the others. */
    _applyWindow: function (window_) {
      var self = this, first = Math.floor(window_.from / 12), last = Math.floor(window_.to / 12);
      function meets(years) {
        return (years[0] === null || years[0] <= last) && (years[1] === null || years[1] >= first);
      }
      this._timed.forEach(function (layer) {
        var p = layer.feature.properties, shown;
        if (p.periods) {
          var period = null;
          for (var k = 0; k < p.periods.length && !period; k++) {
            if (meets(p.periods[k].years)) { period = p.periods[k]; }
          }
          shown = period !== null;
          if (period && layer._cajnPeriod !== period && layer.setStyle) {
            layer._cajnPeriod = period;
            layer.setStyle(L.extend({dashArray: null}, period.style));
          }
        } else {
          shown = meets(p.years);
        }
        if (shown !== self.hasLayer(layer)) {
          if (shown) { self.addLayer(layer); } else { self.removeLayer(layer); }
        }
      });
    },
    _point: function (feature, latlng) {
      var p = feature.properties;
      // In the layer's pane when it names one: under the attacks, which take the click.
      var pane = this.options.pane ? {pane: this.options.pane} : {};
      if (p.point === "area") { return L.circle(latlng, L.extend({radius: p.radius_m}, p.style, pane)); }
      return L.marker(latlng, L.extend({icon: shapeIcon(p.point, (p.style || {}).fillColor, 16), keyboard: false}, pane));
    },
    _bind: function (feature, layer) {
      var p = feature.properties;
      if (p.tip) { layer.bindTooltip(tooltipContent(p.tip), {sticky: true}); }
      if (p.popup) { layer.bindPopup(function () { return popupContent(p.popup); }, {maxWidth: 360}); }
    },
    getAttribution: function () { return this.options.attribution; }
  });
  L.cajnFeatures = function (data, options) { return new L.CajnFeatures(data, options); };

  /* ---------- the legend, as a layer so it comes and goes with its feature group ---------- */

  function legendSymbol(item) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    var size = item.size || 14;
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    var shape;
    if (item.shape === "line") {
      shape = document.createElementNS(ns, "line");
      shape.setAttribute("x1", 0); shape.setAttribute("y1", size / 2);
      shape.setAttribute("x2", size); shape.setAttribute("y2", size / 2);
      shape.setAttribute("stroke", item.color);
      shape.setAttribute("stroke-width", item.weight || 3);
      if (item.dash) { shape.setAttribute("stroke-dasharray", item.dash); }
    } else if (item.shape === "square") {
      shape = document.createElementNS(ns, "rect");
      shape.setAttribute("x", 1); shape.setAttribute("y", 1);
      shape.setAttribute("width", size - 2); shape.setAttribute("height", size - 2);
      shape.setAttribute("fill", item.color); shape.setAttribute("stroke", item.stroke || "#333");
    } else if (item.shape === "triangle") {
      shape = document.createElementNS(ns, "path");
      shape.setAttribute("d", "M" + size / 2 + " 1 L" + (size - 1) + " " + (size - 1) + " L1 " + (size - 1) + " Z");
      shape.setAttribute("fill", item.color); shape.setAttribute("stroke", "#222");
    } else {
      shape = document.createElementNS(ns, "circle");
      shape.setAttribute("cx", size / 2); shape.setAttribute("cy", size / 2);
      shape.setAttribute("r", size / 2 - 1.5);
      shape.setAttribute("fill", item.hollow ? "none" : item.color);
      shape.setAttribute("fill-opacity", item.opacity === undefined ? 0.8 : item.opacity);
      shape.setAttribute("stroke", item.stroke || "#333");
      shape.setAttribute("stroke-width", 1.2);
      if (item.dash) { shape.setAttribute("stroke-dasharray", item.dash); }
    }
    svg.appendChild(shape);
    return svg;
  }

  var LEGEND_COLUMN_PX = 230, LEGEND_GAP_PX = 10, ZOOM_BUTTONS_PX = 60, FOLDED_LEGEND_PX = 72;

  function overlapping(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function shifted(rect, dx, dy) {
    return {left: rect.left - dx, right: rect.right - dx, top: rect.top - dy, bottom: rect.bottom - dy};
  }

  /* The pan ([dx, dy], as map.panBy takes it) that moves a popup shown at `rect` off the boxes
   * {legend, stamp} and keeps it within `frame`: to their left, else between them; null if none does. */
  function clearMove(rect, boxes, frame) {
    var drawn = [boxes.legend, boxes.stamp].filter(Boolean);
    var hit = drawn.filter(function (box) { return overlapping(box, rect); });
    if (!hit.length) { return [0, 0]; }
    var left = Math.min.apply(null, hit.map(function (box) { return box.left; }));
    var top = boxes.stamp ? boxes.stamp.bottom + LEGEND_GAP_PX : frame.top + LEGEND_GAP_PX;
    var bottom = boxes.legend ? boxes.legend.top - LEGEND_GAP_PX : frame.bottom - LEGEND_GAP_PX;
    var moves = [[rect.right - (left - LEGEND_GAP_PX), 0]];
    if (rect.bottom - rect.top <= bottom - top) {
      moves.push([0, rect.top < top ? rect.top - top : Math.max(0, rect.bottom - bottom)]);
    }
    for (var i = 0; i < moves.length; i++) {
      var moved = shifted(rect, moves[i][0], moves[i][1]);
      var inside = moved.left >= frame.left + ZOOM_BUTTONS_PX && moved.top >= frame.top &&
        moved.bottom <= frame.bottom && moved.right <= frame.right;
      if (inside && !drawn.some(function (box) { return overlapping(box, moved); })) { return moves[i]; }
    }
    return null;
  }

  /* The reader's last fold or unfold of a legend whose default was `collapsed`: a rerun of the
   * dashboard (a click on an attack reports it, and the table rings it) draws the legend anew, and
   * must not open one the reader folded away, over the attacks and the popup just opened. */
  var legendChoice = null;

  L.CajnLegend = L.Layer.extend({
    initialize: function (sections, options) {
      injectStyle();
      this._sections = sections;
      L.setOptions(this, options);
    },
    onAdd: function (map) {
      var sections = this._sections, options = this.options, self = this;
      this._control = L.control({position: this.options.position || "bottomright"});
      this._control.onAdd = function () {
        var box = el("details", null, "cajn-legend"), collapsed = !!options.collapsed;
        var chosen = legendChoice && legendChoice.collapsed === collapsed;
        box.open = chosen ? legendChoice.open : !collapsed;
        var summary = box.appendChild(el("summary", options.title || "Legend"));
        // A click (or Enter) on the summary toggles the box after its listeners: the state to come.
        summary.addEventListener("click", function () { legendChoice = {collapsed: collapsed, open: !box.open}; });
        var body = el("div", null, "cajn-legend-body");
        sections.forEach(function (section) {
          var part = el("div", null, "cajn-legend-section");
          part.appendChild(el("h5", section.title));
          section.items.forEach(function (item) {
            var row = el("div", null, "cajn-legend-row");
            row.appendChild(legendSymbol(item));
            row.appendChild(el("span", item.label));
            part.appendChild(row);
          });
          body.appendChild(part);
        });
        box.appendChild(body);
        L.DomEvent.disableScrollPropagation(box);
        L.DomEvent.disableClickPropagation(box);
        box.addEventListener("toggle", function () { self._fit(); });
        self._box = box;
        self._body = body;
        return box;
      };
      this._control.addTo(map);
      map.on("resize", this._fit, this);
      map.on("autopanstart", this._autopanned, this);
      map.on("popupopen", this._popupOpened, this);
      map.on("popupclose", this._popupClosed, this);
      this._fit();
      // A legend drawn anew while a popup is open keeps clear of it, as on the popup's opening.
      if (map._popup && map._popup.isOpen()) { this._keepClear(map._popup); }
    },
    onRemove: function (map) {
      map.off("resize", this._fit, this);
      map.off("autopanstart", this._autopanned, this);
      map.off("popupopen", this._popupOpened, this);
      map.off("popupclose", this._popupClosed, this);
      map.removeControl(this._control);
    },
    /* As many columns as the entries need to fit between the legend's foot and the map's top:
     * a legend that scrolls inside itself hides entries without saying so. */
    _fit: function () {
      var box = this._box, body = this._body, map = this._map;
      if (!map || !box) { return; }
      body.style.columnCount = body.style.width = "";
      box.style.maxWidth = box.style.maxHeight = box.style.overflowY = "";
      if (!box.open) { return; }
      var room = box.getBoundingClientRect().bottom - map.getContainer().getBoundingClientRect().top - LEGEND_GAP_PX;
      // Clear of the zoom buttons on the left.
      var widest = map.getSize().x - 70;
      for (var columns = 2; box.offsetHeight > room && columns <= 4; columns++) {
        var width = Math.min(columns * LEGEND_COLUMN_PX + (columns - 1) * 14, widest - 20);
        box.style.maxWidth = "none";
        body.style.columnCount = columns;
        body.style.width = width + "px";
      }
      if (box.offsetHeight > room) {
        box.style.maxHeight = room + "px";
        box.style.overflowY = "auto";
      }
    },
    _autopanned: function () { this._panning = true; },
    /* The legend's box (open or folded) and the title stamp's, which a popup must not open under. */
    _boxes: function () {
      var stamp = this._map.getContainer().querySelector(".cajn-stamp");
      return {legend: this._box && this._box.getBoundingClientRect(), stamp: stamp && stamp.getBoundingClientRect()};
    },
    /* Leaflet pans a new popup into view; once it has, keep the popup within the map's height
     * and clear of the legend and the stamp: pan it to their left, else between them, else fold
     * the legend away until the popup closes. */
    _popupOpened: function (e) {
      var self = this, popup = e.popup, map = this._map;
      function afterPan(next) {
        if (self._panning) {
          self._panning = false;
          map.once("moveend", next);
        } else {
          next();
        }
      }
      afterPan(function () {
        var node = popup.getElement();
        if (!self._map || !popup.isOpen() || !node) { return; }
        var boxes = self._boxes(), frame = map.getContainer().getBoundingClientRect();
        var content = node.querySelector(".leaflet-popup-content");
        // The height between the stamp and the folded legend (its box, margin and the credit line
        // below it): the most a popup can always have.
        var room = frame.bottom - (boxes.stamp ? boxes.stamp.bottom : frame.top) - 2 * LEGEND_GAP_PX -
          FOLDED_LEGEND_PX;
        if (content && node.offsetHeight > room) {
          popup.options.maxHeight = Math.max(120, room - (node.offsetHeight - content.offsetHeight));
          self._panning = false;
          popup.update();
        }
        afterPan(function () { self._keepClear(popup); });
      });
    },
    _keepClear: function (popup) {
      var map = this._map, box = this._box, node = popup.getElement();
      if (!map || !box || !popup.isOpen() || !node) { return; }
      var frame = map.getContainer().getBoundingClientRect();
      var move = clearMove(node.getBoundingClientRect(), this._boxes(), frame);
      if (!move && box.open) {
        box.open = false;
        this._folded = popup;
        this._fit();
        move = clearMove(node.getBoundingClientRect(), this._boxes(), frame);
      }
      if (move && (move[0] || move[1])) { map.panBy(move); }
    },
    _popupClosed: function (e) {
      if (this._folded && this._folded === e.popup && this._box) {
        this._folded = null;
        this._box.open = true;
      }
    },
    getAttribution: function () { return this.options.attribution; }
  });
  L.cajnLegend = function (sections, options) { return new L.CajnLegend(sections, options); };

  /* A title block stamped on the map (presentation mode): title first, then period, filters, sources, date. */
  L.CajnStamp = L.Layer.extend({
    initialize: function (lines, options) {
      injectStyle();
      this._lines = lines;
      L.setOptions(this, options);
    },
    onAdd: function (map) {
      var lines = this._lines;
      this._control = L.control({position: "topright"});
      this._control.onAdd = function () {
        var box = el("div", null, "cajn-stamp");
        lines.forEach(function (line, index) { box.appendChild(el(index === 0 ? "strong" : "div", line)); });
        return box;
      };
      this._control.addTo(map);
    },
    onRemove: function (map) { map.removeControl(this._control); }
  });
  L.cajnStamp = function (lines, options) { return new L.CajnStamp(lines, options); };

  /* Keys the page listens for (the story's arrows) reach it even when the map has the focus:
   * the map, in its own frame, would otherwise pan with them and the page never see them. */
  L.CajnPageKeys = L.Layer.extend({
    initialize: function (keys, options) {
      this._keys = keys;
      L.setOptions(this, options);
    },
    onAdd: function (map) {
      var keys = this._keys;
      map.keyboard.disable();
      this._forward = function (event) {
        if (keys.indexOf(event.key) < 0) { return; }
        event.preventDefault();
        try {
          window.parent.document.dispatchEvent(new KeyboardEvent("keydown", {
            key: event.key, code: event.code, keyCode: event.keyCode, bubbles: true}));
        } catch (error) { /* a page of another origin keeps its keys to itself */ }
      };
      document.addEventListener("keydown", this._forward);
    },
    onRemove: function (map) {
      document.removeEventListener("keydown", this._forward);
      map.keyboard.enable();
    }
  });
  L.cajnPageKeys = function (keys, options) { return new L.CajnPageKeys(keys, options); };

  /* ---------- the time bar: bars of the attacks over time, a window to drag, play ---------- */

  /* Report the time bar's window to the hosting dashboard, whose sidebar's years then follow.
   * The same channel as clicks (see reportClick): streamlit-folium sends the fields the page asked
   * for when the map moves, and the page asks for last_object_clicked_popup too, which no layer
   * of the map fills. It holds "key:firstYear:lastYear:stamp": the selection's key, the years the
   * window touches, and the time of the report, so that the page follows each report once
   * (geo/map/timebar.py's years_to_follow). A moveend with no move asks for the sending. */
  function reportWindow(map, key, first, last) {
    if (!window.__GLOBAL_DATA__) { return; }
    window.__GLOBAL_DATA__.last_object_clicked_popup = key + ":" + first + ":" + last + ":" + Date.now();
    map.fire("moveend");
  }

  var SVG_NS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attributes) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  /* What each time bar (by its selection's key) was showing, so that a rerun, which draws the
   * map's layers anew, finds its window, speed and play where they were. */
  var TIMEBARS = {};
  var TIMEBAR_HEIGHT_PX = 34, HANDLE_PX = 7, REPORT_AFTER_STEP_MS = 700, TIMEBAR_MIN_PX = 300;

  L.CajnTimebar = L.Layer.extend({
    initialize: function (payload, options) {
      injectStyle();
      L.setOptions(this, options);
      var p = this._p = payload;
      this._first = p.span[0] * 12;
      this._last = p.span[1] * 12 + 11;
      var kept = TIMEBARS[p.key], years = this._years(p.window);
      var shown = kept && this._years(kept.window);
      // When the page's years are those of the window (they followed its report), the months the
      // reader chose within them stay; other years (the sidebar's) make the window anew.
      if (!kept || shown[0] !== years[0] || shown[1] !== years[1]) {
        kept = TIMEBARS[p.key] = {window: {from: p.window[0], to: p.window[1]}, speed: (kept && kept.speed) || 1};
      }
      kept.years = years;
      this._state = kept;
      this._number = new Intl.NumberFormat(p.locale).format;
    },
    _years: function (w) {
      var from = w.from === undefined ? w[0] : w.from, to = w.to === undefined ? w[1] : w.to;
      return [Math.floor(from / 12), Math.floor(to / 12)];
    },
    onAdd: function (map) {
      var self = this;
      map._cajnWindow = this._state.window;
      this._control = L.control({position: "bottomleft"});
      this._control.onAdd = function () { return self._build(); };
      this._control.addTo(map);
      map.on("resize", this._fit, this);
      this._fit();
      this._render();
      map.fire("cajnwindow", {window: this._state.window});
    },
    onRemove: function (map) {
      this._stop(false);
      clearTimeout(this._reportTimer);
      map.off("resize", this._fit, this);
      map.removeControl(this._control);
      var right = map._controlCorners && map._controlCorners.bottomright;
      if (right) { right.style.bottom = ""; }
      map._cajnWindow = null;
    },
    _button: function (text, label, action) {
      var button = el("button", text, "cajn-tb-button");
      button.type = "button";
      button.setAttribute("aria-label", label);
      button.title = label;
      button.addEventListener("click", action);
      return button;
    },
    _build: function () {
      var self = this, l = this._p.labels;
      var box = el("div", null, "cajn-timebar");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", l.bar);
      var row = el("div", null, "cajn-tb-row");
      row.appendChild(this._button("«", l.back_year, function () { self._step(-12); }));
      row.appendChild(this._button("‹", l.back_month, function () { self._step(-1); }));
      this._play = this._button("▶", l.play, function () { self._toggle(); });
      this._play.classList.add("cajn-tb-play");
      row.appendChild(this._play);
      row.appendChild(this._button("›", l.forward_month, function () { self._step(1); }));
      row.appendChild(this._button("»", l.forward_year, function () { self._step(12); }));
      var speed = this._speed = el("select", null, "cajn-tb-speed");
      speed.setAttribute("aria-label", l.speed);
      speed.title = l.speed;
      this._p.speeds.forEach(function (value) {
        var option = el("option", self._number(value) + "×");
        option.value = String(value);
        option.selected = value === self._state.speed;
        speed.appendChild(option);
      });
      speed.addEventListener("change", function () { self._state.speed = Number(speed.value); });
      row.appendChild(speed);
      this._readout = el("span", null, "cajn-tb-readout");
      this._readout.setAttribute("aria-live", "polite");
      row.appendChild(this._readout);
      box.appendChild(row);
      var chart = this._chart = svgEl("svg", {"class": "cajn-tb-chart", height: TIMEBAR_HEIGHT_PX});
      chart.setAttribute("role", "img");
      chart.setAttribute("aria-label", l.histogram);
      this._bars = svgEl("g");
      this._ticks = svgEl("g", {"class": "cajn-tb-ticks"});
      this._brush = svgEl("rect", {"class": "cajn-tb-brush", y: 0, height: TIMEBAR_HEIGHT_PX - 10});
      this._handles = [0, 1].map(function () {
        return chart.appendChild(svgEl("rect", {"class": "cajn-tb-handle", y: 0, width: 4,
          height: TIMEBAR_HEIGHT_PX - 10}));
      });
      chart.insertBefore(this._ticks, chart.firstChild);
      chart.insertBefore(this._brush, chart.firstChild);
      chart.insertBefore(this._bars, chart.firstChild);
      // The window as a slider: arrows move it by a month, Page Up and Page Down by a year.
      var slider = this._slider = el("div", null, "cajn-tb-slider");
      slider.tabIndex = 0;
      slider.setAttribute("role", "slider");
      slider.setAttribute("aria-label", l.window);
      slider.setAttribute("aria-valuemin", this._first);
      slider.setAttribute("aria-valuemax", this._last);
      slider.appendChild(chart);
      slider.addEventListener("keydown", function (e) {
        var moves = {ArrowLeft: -1, ArrowRight: 1, PageDown: -12, PageUp: 12};
        if (moves[e.key]) { e.preventDefault(); self._step(moves[e.key]); }
      });
      box.appendChild(slider);
      chart.addEventListener("pointerdown", function (e) { self._grab(e); });
      chart.addEventListener("pointermove", function (e) { self._drag(e); });
      chart.addEventListener("pointerup", function (e) { self._release(e); });
      chart.addEventListener("pointercancel", function (e) { self._release(e); });
      // The map's own keys and drags stay off the bar.
      box.addEventListener("keydown", function (e) { e.stopPropagation(); });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      this._box = box;
      return box;
    },
    /* Across the map's foot, under the scale; the legend and the credit line are lifted above it,
     * so that it hides neither. */
    _fit: function () {
      var map = this._map, box = this._box;
      if (!map || !box) { return; }
      var corner = box.parentNode;
      if (corner && corner.lastChild !== box) { corner.appendChild(box); }
      var width = Math.max(TIMEBAR_MIN_PX, map.getSize().x - 2 * LEGEND_GAP_PX);
      if (Math.abs(width - (this._width || 0)) >= 1) {
        this._width = width;
        box.style.width = width + "px";
        this._drawBars();
        this._render();
      }
      var right = map._controlCorners && map._controlCorners.bottomright;
      if (right) { right.style.bottom = box.offsetHeight + LEGEND_GAP_PX + "px"; }
    },
    _x: function (month) {
      var width = this._chartWidth || 1;
      return (month - this._first) / (this._last + 1 - this._first) * width;
    },
    _month: function (x) {
      var width = this._chartWidth || 1;
      return this._first + Math.floor(x / width * (this._last + 1 - this._first));
    },
    _drawBars: function () {
      var p = this._p, chart = this._chart, self = this;
      var width = this._chartWidth = Math.max(10, (this._width || TIMEBAR_MIN_PX) - 16 - 2 * HANDLE_PX);
      chart.setAttribute("width", width);
      while (this._bars.firstChild) { this._bars.removeChild(this._bars.firstChild); }
      while (this._ticks.firstChild) { this._ticks.removeChild(this._ticks.firstChild); }
      var top = Math.max.apply(null, p.counts.concat([1])), months = p.unit === "month" ? 1 : 12;
      var barHeight = TIMEBAR_HEIGHT_PX - 12;
      p.counts.forEach(function (count, k) {
        if (!count) { return; }
        var x0 = self._x(self._first + k * months), x1 = self._x(self._first + (k + 1) * months);
        var h = Math.max(1, Math.sqrt(count / top) * barHeight);
        self._bars.appendChild(svgEl("rect", {x: x0, width: Math.max(0.8, x1 - x0 - 0.4), y: barHeight - h,
          height: h, "class": "cajn-tb-bar"}));
      });
      var years = p.span[1] - p.span[0] + 1, every = [1, 2, 5, 10, 20].filter(function (step) {
        return width / years * step >= 34;
      })[0] || 50;
      for (var year = Math.ceil(p.span[0] / every) * every; year <= p.span[1]; year += every) {
        var x = this._x(year * 12);
        this._ticks.appendChild(svgEl("line", {x1: x, x2: x, y1: barHeight, y2: barHeight + 3}));
        var label = svgEl("text", {x: x, y: TIMEBAR_HEIGHT_PX - 1});
        label.textContent = String(year);
        this._ticks.appendChild(label);
      }
    },
    _text: function (month) { return this._p.labels.months[month % 12] + " " + Math.floor(month / 12); },
    _render: function () {
      if (!this._box) { return; }
      var w = this._state.window, x0 = this._x(w.from), x1 = this._x(w.to + 1);
      this._brush.setAttribute("x", x0);
      this._brush.setAttribute("width", Math.max(2, x1 - x0));
      this._handles[0].setAttribute("x", x0 - 2);
      this._handles[1].setAttribute("x", x1 - 2);
      var text = this._text(w.from) + " – " + this._text(w.to);
      this._readout.textContent = text;
      this._slider.setAttribute("aria-valuenow", w.from);
      this._slider.setAttribute("aria-valuetext", text);
      var playing = Boolean(this._frame);
      this._play.textContent = playing ? "❚❚" : "▶";
      this._play.setAttribute("aria-label", playing ? this._p.labels.pause : this._p.labels.play);
      this._play.title = this._play.getAttribute("aria-label");
      this._play.setAttribute("aria-pressed", playing ? "true" : "false");
    },
    /* The window becomes [from, to] (months, clamped to the span); the layers follow at the next frame. */
    _set: function (from, to) {
      from = Math.max(this._first, Math.min(from, this._last));
      to = Math.max(from, Math.min(to, this._last));
      var w = this._state.window;
      if (w.from === from && w.to === to) { return false; }
      this._state.window = {from: from, to: to};
      if (this._map) { this._map._cajnWindow = this._state.window; }
      this._render();
      this._schedule();
      return true;
    },
    _schedule: function () {
      var self = this;
      if (this._pending) { return; }
      this._pending = requestAnimationFrame(function () {
        self._pending = null;
        if (self._map) { self._map.fire("cajnwindow", {window: self._state.window}); }
      });
    },
    _report: function () {
      clearTimeout(this._reportTimer);
      var years = this._years(this._state.window), page = this._state.years;
      if (!this._map || (years[0] === page[0] && years[1] === page[1])) { return; }
      reportWindow(this._map, this._p.key, years[0], years[1]);
    },
    _step: function (months) {
      var w = this._state.window, width = w.to - w.from;
      var from = Math.max(this._first, Math.min(w.from + months, this._last - width));
      this._stop(false);
      if (this._set(from, from + width)) {
        var self = this;
        clearTimeout(this._reportTimer);
        this._reportTimer = setTimeout(function () { self._report(); }, REPORT_AFTER_STEP_MS);
      }
    },
    _toggle: function () {
      if (this._frame) { this._stop(true); } else { this._start(); }
    },
    /* Play moves the window, its width kept, `rate` months a second times the speed; a window of the
     * whole span plays as its first year, one at the end starts again from the beginning. */
    _start: function () {
      var w = this._state.window, width = w.to - w.from, self = this;
      if (w.from === this._first && w.to === this._last) { width = 11; }
      if (w.from + width >= this._last) { this._set(this._first, this._first + width); } else { this._set(w.from, w.from + width); }
      var start = this._state.window.from, began = null;
      function tick(now) {
        if (began === null) { began = now; }
        var from = start + Math.floor((now - began) / 1000 * self._p.rate * self._state.speed);
        if (from + width >= self._last) {
          self._set(self._last - width, self._last);
          self._stop(true);
          return;
        }
        if (from !== self._state.window.from) { self._set(from, from + width); }
        // A new speed takes effect from where the window is.
        if (self._state.speed !== tick.speed) {
          tick.speed = self._state.speed;
          start = self._state.window.from;
          began = now;
        }
        self._frame = requestAnimationFrame(tick);
      }
      tick.speed = this._state.speed;
      this._frame = requestAnimationFrame(tick);
      this._render();
    },
    _stop: function (report) {
      if (!this._frame) { return; }
      cancelAnimationFrame(this._frame);
      this._frame = null;
      this._render();
      if (report) { this._report(); }
    },
    /* Dragging a handle moves that end, dragging the window moves it whole, dragging elsewhere draws a new one. */
    _grab: function (e) {
      var rect = this._chart.getBoundingClientRect(), x = e.clientX - rect.left, w = this._state.window;
      var x0 = this._x(w.from), x1 = this._x(w.to + 1), month = this._month(x);
      this._stop(false);
      if (Math.abs(x - x0) <= HANDLE_PX) {
        this._dragging = {mode: "from"};
      } else if (Math.abs(x - x1) <= HANDLE_PX) {
        this._dragging = {mode: "to"};
      } else if (x > x0 && x < x1) {
        this._dragging = {mode: "move", offset: month - w.from};
      } else {
        this._dragging = {mode: "draw", anchor: month};
        this._set(month, month);
      }
      this._chart.setPointerCapture(e.pointerId);
      e.preventDefault();
    },
    _drag: function (e) {
      var d = this._dragging;
      if (!d) { return; }
      var rect = this._chart.getBoundingClientRect(), month = this._month(e.clientX - rect.left);
      var w = this._state.window, width = w.to - w.from;
      if (d.mode === "from") {
        this._set(Math.min(month, w.to), w.to);
      } else if (d.mode === "to") {
        this._set(w.from, Math.max(month, w.from));
      } else if (d.mode === "move") {
        var from = Math.max(this._first, Math.min(month - d.offset, this._last - width));
        this._set(from, from + width);
      } else {
        this._set(Math.min(month, d.anchor), Math.max(month, d.anchor));
      }
    },
    _release: function (e) {
      if (!this._dragging) { return; }
      this._dragging = null;
      if (this._chart.hasPointerCapture(e.pointerId)) { this._chart.releasePointerCapture(e.pointerId); }
      this._report();
    },
    /* For scripts and tests: the window as months, and moving it as the reader would. */
    window: function () { return {from: this._state.window.from, to: this._state.window.to}; },
    playing: function () { return Boolean(this._frame); }
  });
  L.cajnTimebar = function (payload, options) { return new L.CajnTimebar(payload, options); };

  /* ---------- events packed as gzip-compressed columns ---------- */

  function base64Bytes(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes;
  }

  function gunzip(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }

  /* The typed array for each column type the layout names (numpy's names for them). */
  var ARRAY_TYPES = {int8: Int8Array, uint8: Uint8Array, int16: Int16Array, uint16: Uint16Array,
    int32: Int32Array, uint32: Uint32Array, float32: Float32Array, float64: Float64Array};
  var DAY_MS = 86400000;

  /* What sizes each circle: the counts schema.radius.sized_by names, added up, a missing one as none. */
  function sizedBy(cols, n, schema) {
    var sums = new Float64Array(n);
    schema.radius.sized_by.forEach(function (name) {
      var counts = cols[name];
      for (var i = 0; i < n; i++) { sums[i] += counts[i] === schema.missing ? 0 : counts[i]; }
    });
    return sums;
  }

  /* The columns of the buffer, one after the other in the order of schema.layout. */
  function columns(buffer, n, layout) {
    var cols = {}, offset = 0;
    layout.forEach(function (column) {
      var Type = ARRAY_TYPES[column.type];
      if (!Type) { throw new Error("no typed array for column type " + column.type); }
      cols[column.name] = new Type(buffer, offset, n);
      offset += n * Type.BYTES_PER_ELEMENT;
    });
    return cols;
  }

  L.CajnEvents = L.FeatureGroup.extend({
    initialize: function (payload, options) {
      injectStyle();
      L.FeatureGroup.prototype.initialize.call(this, []);
      L.setOptions(this, options);
      this._payload = payload;
      this._schema = payload.schema;
      this._epoch = Date.parse(payload.schema.epoch);
      this._number = new Intl.NumberFormat(payload.locale, {useGrouping: "always"}).format;
      // Each precision's date as the locale writes it: "16 февраля 1999 г.", "février 1999".
      var dateFormat = function (parts) {
        return new Intl.DateTimeFormat(payload.locale, L.extend({timeZone: "UTC"}, parts)).format;
      };
      this._dates = {
        day: dateFormat({day: "numeric", month: "long", year: "numeric"}),
        month: dateFormat({month: "long", year: "numeric"}),
        year: dateFormat({year: "numeric"})
      };
      this._tip = L.tooltip({direction: "top", offset: [0, -6], opacity: 0.95});
      var self = this;
      this.ready = gunzip(base64Bytes(payload.columns)).then(function (buffer) {
        self._cols = columns(buffer, payload.n, payload.schema.layout);
        self._sized = sizedBy(self._cols, payload.n, payload.schema);
        self._draw();
        return self;
      });
      this.on("mouseover", this._hover, this);
      this.on("mouseout", this._unhover, this);
      this.on("click", this._click, this);
      this.on("mousedown", this._press, this);
      this.on("mouseup", this._release, this);
    },
    onAdd: function (map) {
      ensurePane(map, this.options.pane, this.options.paneZ);
      if (this._pressed) { this._pressed.drawnAgain = true; }
      map.on("cajnwindow", this._onWindow, this);
      map.on("click", this._mapClicked, this);
      map.on("zoomstart", this._unspread, this);
      // Circles spread out at another zoom than this one no longer sit around their place.
      if (this._spreadOut && this._spreadOut.zoom !== map.getZoom()) { this._unspread(); }
      if (this._cols) { this._show(map._cajnWindow || null); }
      L.FeatureGroup.prototype.onAdd.call(this, map);
      this._restack();
    },
    /* Put back on the map, the circles come in the order they were made: draw them again big ones
     * first, the circles spread out over them, then the ring, or a small circle (or one spread
     * out) may lie hidden under a big one. */
    _restack: function () {
      if (!this._map || !this._markers || this._cluster || !this.options.points) { return; }
      var self = this, shown = [];
      for (var k = this._lo; k < this._hi; k++) {
        var marker = this._markers[this._byDay[k]];
        if (marker && marker._map) { shown.push(marker); }
      }
      shown.sort(function (a, b) { return self._casualties(b._cajnIndex) - self._casualties(a._cajnIndex); });
      shown.forEach(function (marker) { marker.bringToFront(); });
      if (this._spreadOut) {
        this._spreadOut.members.slice().reverse().forEach(function (j) { self._markers[j].bringToFront(); });
      }
      this._placeRing();
    },
    /* Circles spread out stay so: a rerun of the dashboard (which the click on one of them asks
     * for) takes this layer off the map and puts it back, and the reader is about to click the
     * next of them. */
    onRemove: function (map) {
      map.off("cajnwindow", this._onWindow, this);
      map.off("click", this._mapClicked, this);
      map.off("zoomstart", this._unspread, this);
      L.FeatureGroup.prototype.onRemove.call(this, map);
    },
    /* A rerun that sends the same payload gets this layer back (see L.cajnEvents): leave the
     * feature group of the previous run, which is gone from the map, for the new one. */
    addTo: function (target) {
      if (this._cajnParent && this._cajnParent !== target) { this._cajnParent.removeLayer(this); }
      this._cajnParent = target;
      return L.FeatureGroup.prototype.addTo.call(this, target);
    },
    _index: function (e) {
      var layer = e.sourceTarget;
      return layer && layer._cajnIndex !== undefined ? layer._cajnIndex : null;
    },
    /* A field of the flags byte, as its number... */
    _flag: function (i, name) {
      var field = this._schema.flags[name];
      return (this._cols.flags[i] >> field.shift) & ((1 << field.bits) - 1);
    },
    /* ...or as the word of its vocabulary. */
    _flagValue: function (i, name) {
      return this._schema.flags[name].values[this._flag(i, name)];
    },
    _latLng: function (i) {
      var scale = this._schema.coordinate_scale;
      return [this._cols.lat[i] / scale, this._cols.lon[i] / scale];
    },
    _casualties: function (i) { return this._sized[i]; },
    /* geo/map/markers.py's marker_radius, from the parameters the payload carries. */
    radius: function (i) {
      var r = this._schema.radius;
      return Math.min(r.max, r.base + r.per_root * Math.sqrt(this._casualties(i)));
    },
    _markerOptions: function (i) {
      var color = this._payload.hues[this._cols.hue[i]].color;
      var foiled = this._flag(i, "foiled") === 1;
      var vague = this._schema.vague_places.indexOf(this._flagValue(i, "location_precision")) >= 0;
      return {
        radius: this.radius(i), color: foiled ? color : "#222", weight: foiled ? 2 : 0.8,
        dashArray: foiled ? "3 3" : null, fillColor: color,
        fillOpacity: foiled ? 0.05 : (vague ? 0.35 : 0.75),
        pane: this.options.pane || "overlayPane", bubblingMouseEvents: true
      };
    },
    /* Circles are made when first shown: a window of a few years over a large selection never
     * pays for the others. */
    _marker: function (i) {
      var marker = this._markers[i];
      if (!marker) {
        marker = this._markers[i] = L.circleMarker(this._latLng(i), this._markerOptions(i));
        marker._cajnIndex = i;
      }
      return marker;
    },
    _draw: function () {
      var n = this._payload.n, self = this, days = this._cols.day, i;
      // The events in date order, so that a window of the time bar is one run of them.
      var byDay = new Uint32Array(n);
      for (i = 0; i < n; i++) { byDay[i] = i; }
      byDay.sort(function (a, b) { return days[a] - days[b]; });
      this._byDay = byDay;
      this._sortedDays = new Int32Array(n);
      for (i = 0; i < n; i++) { this._sortedDays[i] = days[byDay[i]]; }
      this._markers = new Array(n);
      this._lo = this._hi = 0;
      if (this.options.heat && L.heatLayer) {
        this._points = new Array(n);
        for (i = 0; i < n; i++) {
          this._points[i] = this._latLng(byDay[i]).concat([1 + Math.log(1 + this._casualties(byDay[i]))]);
        }
        this._heat = L.heatLayer([], {radius: 22, blur: 18, maxZoom: 7, minOpacity: 0.3,
          gradient: this.options.gradient});
        this.addLayer(this._heat);
      }
      if (this.options.points && this.options.cluster && L.markerClusterGroup) {
        var pane = this.options.pane || "overlayPane";
        // Clicks on clusters are handled by _clusterClick, which spreads out those on one place.
        this._cluster = L.markerClusterGroup({maxClusterRadius: 45, showCoverageOnHover: false,
          spiderfyOnMaxZoom: false, zoomToBoundsOnClick: false, clusterPane: pane, spiderfyDistanceMultiplier: 1.6,
          spiderLegPolylineOptions: {weight: 1.5, color: "#222", opacity: 0.6, pane: pane}});
        this._cluster.on("clusterclick clusterkeypress", this._clusterClick, this);
        this.addLayer(this._cluster);
      }
      this._show(this._map ? this._map._cajnWindow || null : null);
    },
    _onWindow: function (e) { if (this._cols) { this._show(e.window); } },
    /* The run of events (in date order) dated within the window of months, or all without one. */
    _run: function (window_) {
      if (!window_) { return [0, this._payload.n]; }
      var epoch = this._epoch, days = this._sortedDays;
      function dayOf(month) { return Math.round((Date.UTC(Math.floor(month / 12), month % 12, 1) - epoch) / DAY_MS); }
      function firstAtLeast(day) {
        var lo = 0, hi = days.length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (days[mid] < day) { lo = mid + 1; } else { hi = mid; } }
        return lo;
      }
      return [firstAtLeast(dayOf(window_.from)), firstAtLeast(dayOf(window_.to + 1))];
    },
    /* Shows the events of the window: only those that come in or go out are touched, so moving
     * the window by a month costs the events of a month, not the selection's. */
    _show: function (window_) {
      var range = this._run(window_), lo = range[0], hi = range[1], plo = this._lo, phi = this._hi;
      if (lo === plo && hi === phi) { return; }
      this._unspread();
      var byDay = this._byDay, added = [], removed = [], k;
      function collect(list, from, to) { for (k = from; k < to; k++) { list.push(byDay[k]); } }
      if (hi <= plo || lo >= phi) {
        collect(removed, plo, phi);
        collect(added, lo, hi);
      } else {
        collect(removed, plo, Math.min(lo, phi));
        collect(removed, Math.max(hi, plo), phi);
        collect(added, lo, Math.min(plo, hi));
        collect(added, Math.max(phi, lo), hi);
      }
      this._lo = lo;
      this._hi = hi;
      if (this._heat) { this._heat.setLatLngs(this._points.slice(lo, hi)); }
      if (!this.options.points) { return; }
      var self = this;
      // Big circles first, so small ones stay clickable on top of them.
      added.sort(function (a, b) { return self._casualties(b) - self._casualties(a); });
      var markersIn = added.map(function (i) { return self._marker(i); });
      if (this._cluster && removed.length * 4 > hi - lo) {
        // markercluster takes a circle out by searching a grid cell of every zoom level, which at
        // low zooms holds most circles shown: past a quarter of them, clustering anew those that
        // stay costs less.
        var kept = [];
        for (k = lo; k < hi; k++) { kept.push(this._marker(byDay[k])); }
        kept.sort(function (a, b) { return self._casualties(b._cajnIndex) - self._casualties(a._cajnIndex); });
        this._cluster.clearLayers();
        this._cluster.addLayers(kept);
        return;
      }
      var markersOut = removed.map(function (i) { return self._markers[i]; });
      if (this._cluster) {
        this._cluster.removeLayers(markersOut);
        this._cluster.addLayers(markersIn);
      } else {
        markersOut.forEach(function (marker) { self.removeLayer(marker); });
        markersIn.forEach(function (marker) { self.addLayer(marker); });
      }
    },
    /* How many events the window shows. */
    shown: function () { return this._hi - this._lo; },
    /* The date to its precision: a date known to the month or the year shows no day. */
    _dateText: function (i) {
      var p = this._payload, precision = this._flagValue(i, "date_precision");
      var date = new Date(this._epoch + this._cols.day[i] * DAY_MS);
      return this._dates[precision](date) + " (" + p.labels.date_precisions[precision] + ")";
    },
    /* A toll as geo/text/numbers.py's toll_text writes it: '1,200–1,500', '4', '≤ 3' or unknown. */
    _range: function (low, high) {
      var missing = this._schema.missing, number = this._number;
      if (low === missing && high === missing) { return this._payload.labels.unknown; }
      if (low === missing) { return "≤ " + number(high); }
      if (high === missing || high === low) { return number(low); }
      return number(low) + "–" + number(high);
    },
    _hover: function (e) {
      var i = this._index(e);
      if (i === null || !this._map) { return; }
      var p = this._payload, c = this._cols, detail = p.details ? p.details[i] : null;
      var lines = [((detail && detail.place) || p.countries[c.country[i]]) + " · " + this._dateText(i),
        p.groups[c.group[i]].label,
        p.labels.killed + ": " + this._range(c.killed_low[i], c.killed_high[i]) + " · " +
        p.labels.wounded + ": " + this._range(c.wounded_low[i], c.wounded_high[i])];
      if (!this._spreadOut && this._stack(i).length > 1) { lines.push(p.labels.spread); }
      this._tip.setContent(tooltipContent(lines)).setLatLng(e.sourceTarget.getLatLng());
      this._map.openTooltip(this._tip);
    },
    _unhover: function () {
      if (this._map) { this._map.closeTooltip(this._tip); }
    },
    popupSpec: function (i) {
      var p = this._payload, c = this._cols, l = p.labels, group = p.groups[c.group[i]];
      var detail = p.details ? p.details[i] : null;
      var place = (detail && detail.place ? detail.place + ", " : "") + p.countries[c.country[i]];
      var rows = [
        {label: l.date, value: this._dateText(i)},
        {label: l.place, value: place + " (" + l.location_precisions[this._flagValue(i, "location_precision")] + ")"},
        {label: l.group, value: group.label + " (" + l.responsibilities[this._flagValue(i, "responsibility")] + ")"},
        {label: l.killed, value: this._range(c.killed_low[i], c.killed_high[i])},
        {label: l.wounded, value: this._range(c.wounded_low[i], c.wounded_high[i])}
      ];
      if (this._flag(i, "foiled") === 1) { rows.push({label: l.foiled, value: l.yes}); }
      var title = detail ? detail.title + " — " + (detail.place || p.countries[c.country[i]]) : group.label;
      var spec = {title: title, color: group.color, rows: rows, sourcesLabel: l.sources, note: l.more};
      if (p.tolls[i]) { spec.figures = this._figures(p.tolls[i]); }
      if (detail) {
        rows.push.apply(rows, detail.rows);
        spec.text = detail.summary;
        spec.sources = detail.sources.map(function (k) { return p.sources[k]; });
        spec.note = l.record + ": " + detail.id;
      }
      return spec;
    },
    /* Who says what for one event, from its rows of payload.tolls (lists of schema.toll_fields), in
     * the columns labels.toll_columns lists: a column's `link` names the field of its cells' address. */
    _figures: function (rows) {
      var columns = this._payload.labels.toll_columns, at = {};
      this._schema.toll_fields.forEach(function (name, k) { at[name] = k; });
      return {
        caption: this._payload.labels.who_says_what,
        columns: columns.map(function (column) { return column.label; }),
        rows: rows.map(function (row) {
          return {
            marked: row[at.latest] === true,
            cells: columns.map(function (column) {
              return {text: row[at[column.name]], url: column.link ? row[at[column.link]] : null};
            })
          };
        })
      };
    },
    _press: function (e) { this._pressed = {index: this._index(e), drawnAgain: false}; },
    /* The browser drops the click of a press on a circle that was taken off the page and put back
     * before the release, as a rerun of the dashboard does (see addTo): the reader clicked all the
     * same, so the release on that circle clicks it, unless the browser's own click follows. */
    _release: function (e) {
      var pressed = this._pressed, self = this, marker = e.sourceTarget;
      this._pressed = null;
      if (!pressed || !pressed.drawnAgain || pressed.index === null || pressed.index !== this._index(e)) { return; }
      this._released = marker;
      setTimeout(function () {
        if (self._released !== marker || !self._map) { return; }
        self._released = null;
        var data = {latlng: marker.getLatLng(), originalEvent: e.originalEvent};
        marker.fire("click", data, true);
        // The map's own click, which a real click reaches last: streamlit-folium sends on it.
        self._map.fire("click", data);
      }, 0);
    },
    _click: function (e) {
      var i = this._index(e);
      this._released = null;
      if (i === null || !this._map) { return; }
      // The click goes on to the map, which must not fold back the circles just spread out.
      this._keepSpread = true;
      if (!this._spreadOut || this._spreadOut.members.indexOf(i) < 0) {
        var stack = this._stack(i);
        if (stack.length > 1) {
          this._unhover();
          this._spread(stack);
          return;
        }
      }
      var spec = this.popupSpec(i);
      L.popup({maxWidth: spec.figures ? 620 : 360, autoPanPaddingTopLeft: [60, 20]})
        .setLatLng(e.sourceTarget.getLatLng()).setContent(popupContent(spec)).openOn(this._map);
      reportClick(this.options.key + ":" + i);
    },
    getAttribution: function () { return this.options.attribution; },
    /* The attack the dashboard chose (the `focus` option): a ring around its circle, and a flight
     * to it when the choice is new to this frame. */
    focus: function (focus) {
      var self = this;
      this._focus = focus || null;
      return this.ready.then(function () { self._ring(); return self; });
    },
    _ring: function () {
      var self = this, f = this._focus;
      (this._rings || []).forEach(function (ring) { self.removeLayer(ring); });
      this._rings = [];
      if (!f || f.index >= this._payload.n) { return; }
      // Around its circle where it is now: spread out from its place, maybe.
      var marker = this._markers[f.index], at = marker ? marker.getLatLng() : this._latLng(f.index);
      var radius = this.radius(f.index) + 4;
      // White under black: the ring reads on any fill and on the sea.
      this._rings = [["#ffffff", 6, "cajn-ring-halo"], ["#000000", 2.5, "cajn-ring"]].map(function (style) {
        return L.circleMarker(at, {radius: radius, color: style[0], weight: style[1], fill: false, opacity: 1,
          interactive: false, className: style[2], pane: self.options.pane || "overlayPane"});
      });
      this._rings.forEach(function (ring) { self.addLayer(ring); });
      if (this._map && f.fly !== null && f.fly !== lastFlight) {
        lastFlight = f.fly;
        var zoom = Math.max(this._map.getZoom(), f.zoom);
        this._map.flyTo(clearOfLegend(this._map, this._latLng(f.index), zoom), zoom, {duration: 0.8});
      }
    }
  });
  /* Where to centre the map for `at` to show beside the legend, not under it: the legend, open,
   * covers much of the right half of a projector's map. */
  function clearOfLegend(map, at, zoom) {
    var legend = map.getContainer().querySelector(".cajn-legend");
    var shift = legend ? legend.getBoundingClientRect().width / 2 : 0;
    return map.unproject(map.project(at, zoom).add([shift, 0]), zoom);
  }
  /* The `fly` of the last focus flown to: a rerun that sends the same focus again leaves the map
   * where the reader has put it since. */
  var lastFlight = null;
  /* The events layers of the last runs, by their payload's `id` and the options that change what
   * they draw: a rerun of the dashboard sends every layer again, and streamlit-folium evaluates
   * them anew; the same payload then gets the layer already unpacked and drawn, in the state the
   * time bar left it. */
  var EVENT_LAYERS = [], KEPT_EVENT_LAYERS = 2;
  /* The layer, ringing the attack `focus` names once it is on the map (the run's script adds it
   * to its feature group, and that to the map, after this returns). */
  function focused(layer, focus) {
    layer.focus(focus);
    return layer;
  }
  /* The layer kept in `layers` under `id`, or a new one from `make`, kept there (null: not kept). */
  function kept(layers, id, make) {
    for (var i = 0; id && i < layers.length; i++) {
      if (layers[i].id === id) { return layers[i].layer; }
    }
    var layer = make();
    if (id) {
      layers.push({id: id, layer: layer});
      if (layers.length > KEPT_EVENT_LAYERS) { layers.shift(); }
    }
    return layer;
  }
  L.cajnEvents = function (payload, options) {
    var o = options || {};
    var id = o.id ? [o.id, o.key, o.points, o.heat, o.cluster].join("|") : null;
    return focused(kept(EVENT_LAYERS, id, function () { return new L.CajnEvents(payload, options); }), o.focus);
  };

  /* ---------- attacks on one place: spread out on click ---------- */

  // Circles whose centres lie this close, in pixels, share one place at the zoom shown: a click
  // there spreads them out around it, each on a leg, so that every one can be clicked.
  var SAME_PLACE_PX = 6, SPREAD_GAP_PX = 4, SPREAD_START_PX = 14;

  /* Positions around `centre` (a pixel point) for circles of `radii`, smallest first: along a
   * spiral whose feet are their radii and a gap apart, its turns far enough apart for the next
   * circles, so that no circle hides another. */
  function spreadPositions(centre, radii) {
    var positions = [], angle = -Math.PI / 2, dist = SPREAD_START_PX + radii[0];
    for (var k = 0; k < radii.length; k++) {
      positions.push(L.point(centre.x + dist * Math.cos(angle), centre.y + dist * Math.sin(angle)));
      if (k + 1 < radii.length) {
        var turn = (radii[k] + radii[k + 1] + SPREAD_GAP_PX) / dist;
        angle += turn;
        dist += (2 * radii[k + 1] + SPREAD_GAP_PX) * turn / (2 * Math.PI);
      }
    }
    return positions;
  }

  L.CajnEvents.include({
    /* Circle `i` and the circles shown whose centres lie within SAME_PLACE_PX of its, or of one of
     * theirs, at the zoom shown. Clusters do this themselves. */
    _stack: function (i) {
      var map = this._map, self = this, points = {}, members = [i], seen = {}, k, m;
      if (this._cluster || !map || !this.options.points) { return members; }
      function at(j) { return points[j] || (points[j] = map.latLngToLayerPoint(self._latLng(j))); }
      seen[i] = true;
      for (m = 0; m < members.length; m++) {
        var centre = at(members[m]);
        for (k = this._lo; k < this._hi; k++) {
          var j = this._byDay[k];
          if (!seen[j] && at(j).distanceTo(centre) <= SAME_PLACE_PX) {
            seen[j] = true;
            members.push(j);
          }
        }
      }
      return members;
    },
    /* Moves the circles of `members` out around their place, each on a leg from it. */
    _spread: function (members) {
      this._unspread();
      var map = this._map, self = this, pane = this.options.pane || "overlayPane";
      var sum = L.point(0, 0);
      members.forEach(function (j) { sum = sum.add(map.latLngToLayerPoint(self._latLng(j))); });
      var centre = sum.divideBy(members.length), place = map.layerPointToLatLng(centre);
      members.sort(function (a, b) { return self.radius(a) - self.radius(b); });
      var positions = spreadPositions(centre, members.map(function (j) { return self.radius(j); }));
      var drawn = [L.circleMarker(place, {radius: 3, weight: 1, color: "#222", fillColor: "#fff",
        fillOpacity: 1, interactive: false, pane: pane})];
      members.forEach(function (j, k) {
        var foot = map.layerPointToLatLng(positions[k]);
        drawn.unshift(L.polyline([place, foot], {weight: 1.2, color: "#222", opacity: 0.7, interactive: false,
          pane: pane}));
        self._markers[j].setLatLng(foot);
      });
      drawn.forEach(function (layer) { self.addLayer(layer); });
      // The biggest at the back, as everywhere on the map.
      members.slice().reverse().forEach(function (j) { self._markers[j].bringToFront(); });
      this._spreadOut = {members: members, drawn: drawn, zoom: map.getZoom()};
      this._placeRing();
      this._panToSpread(positions, members);
    },
    /* Pans the map, if need be, so that the circles spread out are within it, clear of the time bar. */
    _panToSpread: function (positions, members) {
      var map = this._map, self = this, size = map.getSize(), origin = map.containerPointToLayerPoint([0, 0]);
      var bar = map.getContainer().querySelector(".cajn-timebar");
      var bottom = size.y - (bar ? bar.offsetHeight + LEGEND_GAP_PX : 0) - SPREAD_GAP_PX;
      var box = L.bounds(positions.map(function (at, k) {
        return at.subtract(origin).subtract([self.radius(members[k]), self.radius(members[k])]);
      }));
      positions.forEach(function (at, k) {
        box.extend(at.subtract(origin).add([self.radius(members[k]), self.radius(members[k])]));
      });
      var dx = box.min.x < SPREAD_GAP_PX ? box.min.x - SPREAD_GAP_PX : Math.max(0, box.max.x - size.x + SPREAD_GAP_PX);
      var dy = box.min.y < SPREAD_GAP_PX ? box.min.y - SPREAD_GAP_PX : Math.max(0, box.max.y - bottom);
      if (dx || dy) { map.panBy([dx, dy], {animate: false}); }
    },
    /* Puts the circles spread out back on their place. */
    _unspread: function () {
      var out = this._spreadOut, self = this;
      if (!out) { return; }
      this._spreadOut = null;
      out.drawn.forEach(function (layer) { self.removeLayer(layer); });
      out.members.forEach(function (j) { self._markers[j].setLatLng(self._latLng(j)); });
      this._placeRing();
    },
    /* The ring of the chosen attack around its circle, spread out or on its place. */
    _placeRing: function () {
      var f = this._focus, marker = f && this._markers ? this._markers[f.index] : null;
      if (!marker) { return; }
      // Over the circles spread out, which come to the front.
      (this._rings || []).forEach(function (ring) {
        ring.setLatLng(marker.getLatLng());
        if (ring._map) { ring.bringToFront(); }
      });
    },
    _mapClicked: function () {
      if (this._keepSpread) { this._keepSpread = false; } else { this._unspread(); }
    },
    /* A cluster whose attacks share one place at this zoom, or that zooming in would not split,
     * spreads them out; another zooms in to them. */
    _clusterClick: function (e) {
      var cluster = e.layer, map = this._map;
      if (!map || (e.type === "clusterkeypress" && e.originalEvent && e.originalEvent.key !== "Enter")) { return; }
      var bounds = cluster.getBounds();
      var span = map.latLngToLayerPoint(bounds.getNorthEast()).distanceTo(map.latLngToLayerPoint(bounds.getSouthWest()));
      if (span <= SAME_PLACE_PX || map.getZoom() >= map.getMaxZoom() || map.getBoundsZoom(bounds) <= map.getZoom()) {
        cluster.spiderfy();
      } else {
        cluster.zoomToBounds({padding: [20, 20]});
      }
    },
    /* The bounds of the events the window shows (all without a time bar); not valid when none is. */
    bounds: function () {
      var bounds = L.latLngBounds([]);
      for (var k = this._lo; k < this._hi; k++) { bounds.extend(this._latLng(this._byDay[k])); }
      return bounds;
    },
    /* For scripts and tests: the events spread out around their place, or null. */
    spreadOut: function () { return this._spreadOut ? this._spreadOut.members.slice() : null; }
  });

  /* ---------- attacks aggregated into grid cells, for large selections ---------- */

  /* A cell's circle: geo/map/cells.py's cell_radius, from the parameters the payload carries. */
  function cellRadius(radius, incidents) {
    return Math.min(radius.max, radius.base + radius.per_root * Math.sqrt(incidents));
  }

  /* A cell's key packs its row and column on its level's grid: columns run within ±2,880 (a
   * sixteenth of a degree round the world), far inside half of this, so a key rounds back to its row. */
  var CELL_KEY_ROW = 65536;
  L.CajnCells = L.FeatureGroup.extend({
    initialize: function (payload, options) {
      injectStyle();
      L.FeatureGroup.prototype.initialize.call(this, []);
      L.setOptions(this, options);
      this._payload = payload;
      this._number = new Intl.NumberFormat(payload.locale, {useGrouping: "always"}).format;
      // The circles drawn, by cell of the level shown (`_level`), and each cell's key per level.
      this._circles = {};
      this._keys = [];
      this._lo = this._hi = this._level = -1;
      this._tip = L.tooltip({direction: "top", offset: [0, -6], opacity: 0.95});
      if (this.options.heat && L.heatLayer) {
        this._heat = L.heatLayer([], {radius: 22, blur: 18, maxZoom: 7, minOpacity: 0.3,
          gradient: this.options.gradient});
        this.addLayer(this._heat);
      }
      var self = this;
      this.ready = Promise.all([gunzip(base64Bytes(payload.rows)), gunzip(base64Bytes(payload.cells))])
        .then(function (buffers) {
          var rows = {}, m = payload.row_count, n = payload.cell_count;
          payload.fields.forEach(function (name, k) { rows[name] = new Int32Array(buffers[0], k * m * 4, m); });
          var grid = self._grid = {};
          payload.cell_fields.forEach(function (name, k) { grid[name] = new Int32Array(buffers[1], k * n * 4, n); });
          // The zoom button waits for `ready` and reads `_cols`, as it does of the events layer.
          self._cols = self._rows = rows;
          if (self._map) { self._show(self._map._cajnWindow || null); }
          return self;
        });
      this.on("mouseover", this._hover, this);
      this.on("mouseout", this._unhover, this);
      this.on("click", this._click, this);
    },
    onAdd: function (map) {
      var self = this;
      ensurePane(map, this.options.pane, this.options.paneZ);
      map.on("cajnwindow", this._onWindow, this);
      map.on("moveend", this._onView, this);
      this._note = L.control({position: "bottomleft"});
      this._note.onAdd = function () {
        self._noteBox = el("div", self._payload.labels.notes[Math.max(self._level, 0)], "leaflet-control cajn-cell-note");
        L.DomEvent.disableClickPropagation(self._noteBox);
        return self._noteBox;
      };
      this._note.addTo(map);
      L.FeatureGroup.prototype.onAdd.call(this, map);
      // Taken off the map, the layer may come back at another zoom or place.
      if (this._rows) { this._show(map._cajnWindow || null, true); }
    },
    onRemove: function (map) {
      map.off("cajnwindow", this._onWindow, this);
      map.off("moveend", this._onView, this);
      map.removeControl(this._note);
      L.FeatureGroup.prototype.onRemove.call(this, map);
    },
    _onWindow: function (e) { if (this._rows) { this._show(e.window); } },
    _onView: function () { if (this._rows && this._map) { this._show(this._map._cajnWindow || null, true); } },
    /* The grid shown at the map's zoom: the coarsest up to `grid.zoom`, then one level finer per
     * zoom, down to the finest. */
    _levelAt: function (zoom) {
      var g = this._payload.grid;
      return Math.max(0, Math.min(g.degrees.length - 1, zoom - g.zoom));
    },
    /* Each cell of the finest grid's key at `level`: the row and column of the cell holding it on
     * that level's grid, each halved once a level above the finest, as row * CELL_KEY_ROW + column. */
    _keysAt: function (level) {
      if (!this._keys[level]) {
        var grid = this._grid, n = grid.row.length, shift = this._payload.grid.degrees.length - 1 - level;
        var keys = new Float64Array(n);
        for (var i = 0; i < n; i++) { keys[i] = (grid.row[i] >> shift) * CELL_KEY_ROW + (grid.column[i] >> shift); }
        this._keys[level] = keys;
      }
      return this._keys[level];
    },
    /* The centre of the cell of `key` at `level`. */
    _centre: function (key, level) {
      var degrees = this._payload.grid.degrees[level];
      var row = Math.round(key / CELL_KEY_ROW), column = key - row * CELL_KEY_ROW;
      return [(row + 0.5) * degrees, (column + 0.5) * degrees];
    },
    /* The run of rows (in year order) of the years the window's months touch, or all without one:
     * cells are counted per year, so a window of months shows its years whole. */
    _run: function (window_) {
      var years = this._rows.year;
      if (!window_) { return [0, years.length]; }
      function firstAtLeast(y) {
        var lo = 0, hi = years.length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (years[mid] < y) { lo = mid + 1; } else { hi = mid; } }
        return lo;
      }
      return [firstAtLeast(Math.floor(window_.from / 12)), firstAtLeast(Math.floor(window_.to / 12) + 1)];
    },
    /* Each cell's incidents, tolls and years over the window's rows, on the grid of the zoom, and
     * the circles of those in view drawn to match; `moved` when only the view changed. */
    _show: function (window_, moved) {
      var range = this._run(window_), lo = range[0], hi = range[1];
      var level = this._map ? this._levelAt(this._map.getZoom()) : 0;
      var sameCells = lo === this._lo && hi === this._hi && level === this._level;
      // The coarsest grid is drawn whole; finer ones only where the map looks, which a move changes.
      if (sameCells && (!moved || level === 0)) { return; }
      var p = this._payload, self = this, sums = this._sums, k;
      if (!sameCells) {
        var r = this._rows, keys = this._keysAt(level);
        sums = {};
        for (k = lo; k < hi; k++) {
          var key = keys[r.cell[k]], sum = sums[key];
          if (!sum) {
            sum = sums[key] = {cell: key, incidents: 0, foiled: 0, killed_low: 0, killed_high: 0, wounded_low: 0,
              wounded_high: 0, first: r.year[k], last: r.year[k]};
          }
          sum.incidents += r.incidents[k];
          sum.foiled += r.foiled[k];
          sum.killed_low += r.killed_low[k];
          sum.killed_high += r.killed_high[k];
          sum.wounded_low += r.wounded_low[k];
          sum.wounded_high += r.wounded_high[k];
          if (r.year[k] < sum.first) { sum.first = r.year[k]; }
          if (r.year[k] > sum.last) { sum.last = r.year[k]; }
        }
        this._sums = sums;
      }
      if (level !== this._level) {
        Object.keys(this._circles).forEach(function (key) { self.removeLayer(self._circles[key]); });
        this._circles = {};
        if (this._noteBox) { this._noteBox.textContent = p.labels.notes[level]; }
      }
      this._lo = lo;
      this._hi = hi;
      this._level = level;
      var shown = Object.keys(sums).map(function (key) { return sums[key]; });
      // Big circles first, so small ones stay on top of them and can be hovered.
      shown.sort(function (a, b) { return b.incidents - a.incidents; });
      // A move at a finer level changes which circles are drawn, not the heatmap's cells.
      if (this._heat && !sameCells) {
        this._heat.setLatLngs(shown.map(function (s) {
          return self._centre(s.cell, level).concat([Math.log(1 + s.incidents)]);
        }));
      }
      if (!this.options.points) { return; }
      var view = level === 0 || !this._map ? null : this._map.getBounds().pad(0.5), wanted = {};
      shown.forEach(function (s) {
        var centre = self._centre(s.cell, level);
        if (view && !view.contains(centre)) { return; }
        wanted[s.cell] = true;
        var circle = self._circles[s.cell];
        if (!circle) {
          circle = self._circles[s.cell] = L.circleMarker(centre, {color: "#222", weight: 0.8,
            fillColor: p.color, fillOpacity: 0.6, pane: self.options.pane || "overlayPane", bubblingMouseEvents: true,
            className: "cajn-cell"});
          circle._cajnCell = s.cell;
        } else {
          self.removeLayer(circle);
        }
        circle.setRadius(cellRadius(p.radius, s.incidents));
        self.addLayer(circle);
      });
      Object.keys(this._circles).forEach(function (key) {
        if (!wanted[key]) { self.removeLayer(self._circles[key]); delete self._circles[key]; }
      });
    },
    /* How many incidents the window shows. */
    shown: function () {
      var sums = this._sums || {};
      return Object.keys(sums).reduce(function (total, key) { return total + sums[key].incidents; }, 0);
    },
    /* The cells the window shows, as [cell, incidents], largest first. */
    cellsShown: function () {
      var sums = this._sums || {};
      return Object.keys(sums).map(function (key) { return [sums[key].cell, sums[key].incidents]; })
        .sort(function (a, b) { return b[1] - a[1]; });
    },
    bounds: function () {
      var bounds = L.latLngBounds([]), sums = this._sums || {}, self = this, level = Math.max(this._level, 0);
      Object.keys(sums).forEach(function (key) { bounds.extend(self._centre(sums[key].cell, level)); });
      return bounds;
    },
    radius: function (cell) { return this._circles[cell] ? this._circles[cell].getRadius() : null; },
    _range: function (low, high) {
      return low === high ? this._number(low) : this._number(low) + "–" + this._number(high);
    },
    _years: function (s) { return s.first === s.last ? String(s.first) : s.first + "–" + s.last; },
    /* The popup of cell `cell` over the window, in the form popupContent takes. */
    popupSpec: function (cell) {
      var s = (this._sums || {})[cell], l = this._payload.labels;
      if (!s) { return null; }
      var level = Math.max(this._level, 0);
      var rows = [
        {label: l.incidents, value: this._number(s.incidents)},
        {label: l.years, value: this._years(s)},
        {label: l.killed, value: this._range(s.killed_low, s.killed_high)},
        {label: l.wounded, value: this._range(s.wounded_low, s.wounded_high)}
      ];
      if (s.foiled) { rows.splice(1, 0, {label: l.foiled, value: this._number(s.foiled)}); }
      return {title: l.titles[level], color: this._payload.color, note: l.popup_note, rows: rows, wrap: true};
    },
    _cellOf: function (e) {
      var layer = e.sourceTarget;
      return layer && layer._cajnCell !== undefined ? layer._cajnCell : null;
    },
    _hover: function (e) {
      var cell = this._cellOf(e), spec = cell === null ? null : this.popupSpec(cell);
      if (!spec || !this._map) { return; }
      var lines = [spec.rows[0].label + ": " + spec.rows[0].value + " · " + spec.rows[1].value, spec.title];
      this._tip.setContent(tooltipContent(lines)).setLatLng(e.sourceTarget.getLatLng());
      this._map.openTooltip(this._tip);
    },
    _unhover: function () { if (this._map) { this._map.closeTooltip(this._tip); } },
    _click: function (e) {
      var cell = this._cellOf(e), spec = cell === null ? null : this.popupSpec(cell);
      if (!spec || !this._map) { return; }
      this._unhover();
      L.popup({maxWidth: 360, autoPanPaddingTopLeft: [60, 20]})
        .setLatLng(e.sourceTarget.getLatLng()).setContent(popupContent(spec)).openOn(this._map);
    },
    getAttribution: function () { return this.options.attribution; }
  });
  /* The cells layers of the last runs, kept as the events layers are (EVENT_LAYERS). */
  var CELL_LAYERS = [];
  L.cajnCells = function (payload, options) {
    var o = options || {};
    var id = o.id ? [o.id, o.key, o.points, o.heat].join("|") : null;
    return kept(CELL_LAYERS, id, function () { return new L.CajnCells(payload, options); });
  };

  /* ---------- zoom to the selection ---------- */

  STYLE += [
    ".cajn-zoomto button{display:block;width:30px;height:30px;padding:0;border:none;border-radius:4px;",
    "background:#fff;cursor:pointer;color:#222}",
    ".cajn-zoomto button:hover{background:#f4f4f4}",
    ".cajn-zoomto button:disabled{color:#bbb;cursor:default}",
    ".cajn-zoomto button:focus-visible{outline:2px solid #1a5fb4}",
    ".cajn-zoomto svg{display:block;margin:auto}"
  ].join("");

  var FIT_PADDING_PX = 30, FIT_MAX_ZOOM = 8;
  var FIT_ICON = '<svg width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor" ' +
    'stroke-width="2" aria-hidden="true"><path d="M2 6V2h4M12 2h4v4M16 12v4h-4M6 16H2v-4"/>' +
    '<circle cx="9" cy="9" r="2.2" fill="currentColor" stroke="none"/></svg>';

  function eventLayers(map) {
    var found = [];
    map.eachLayer(function (layer) { if ((layer instanceof L.CajnEvents || layer instanceof L.CajnCells) && found.indexOf(layer) < 0) { found.push(layer); } });
    return found;
  }

  L.CajnZoomTo = L.Layer.extend({
    initialize: function (payload, options) {
      injectStyle();
      this._label = payload.label;
      L.setOptions(this, options);
    },
    onAdd: function (map) {
      var self = this;
      this._control = L.control({position: "topleft"});
      this._control.onAdd = function () {
        var box = el("div", null, "leaflet-bar leaflet-control cajn-zoomto");
        var button = self._button = el("button");
        button.type = "button";
        button.innerHTML = FIT_ICON;
        button.setAttribute("aria-label", self._label);
        button.title = self._label;
        button.addEventListener("click", function () { self.fit(); });
        box.appendChild(button);
        L.DomEvent.disableClickPropagation(box);
        return box;
      };
      this._control.addTo(map);
      map.on("cajnwindow", this._onWindow, this);
      this._whenDrawn(function () {
        self._update();
        // Each new selection or period of the page is fitted once; a rerun that shows the same
        // events (a click on one, a page following the time bar) leaves the view where it is.
        if (self.options.follow && map._cajnFitted !== self._shown()) {
          map._cajnFitted = self._shown();
          self.fit();
        }
      });
    },
    onRemove: function (map) {
      map.off("cajnwindow", this._onWindow, this);
      map.removeControl(this._control);
    },
    _whenDrawn: function (next) {
      var self = this, map = this._map;
      Promise.all(eventLayers(map).map(function (layer) { return layer.ready; })).then(function () {
        if (self._map === map) { next(); }
      });
    },
    /* What the events layers show: their payload and the run of events of the window. */
    _shown: function () {
      return eventLayers(this._map).map(function (layer) {
        return [layer.options.id, layer.options.key, layer._lo, layer._hi].join(":");
      }).join("|");
    },
    _bounds: function () {
      var bounds = L.latLngBounds([]);
      eventLayers(this._map).forEach(function (layer) {
        if (layer._cols && layer.shown()) { bounds.extend(layer.bounds()); }
      });
      return bounds;
    },
    _update: function () {
      if (this._button && this._map) { this._button.disabled = !this._bounds().isValid(); }
    },
    /* The time bar moved the window: the reader is choosing what the map shows, so it does not
     * move, and the page that follows the bar will not move it either. */
    _onWindow: function () {
      var self = this;
      this._whenDrawn(function () {
        self._update();
        if (self.options.follow) { self._map._cajnFitted = self._shown(); }
      });
    },
    /* Fits the map to the events shown, clear of the zoom buttons, the time bar and the open legend. */
    fit: function () {
      var map = this._map, bounds = map && this._bounds();
      if (!bounds || !bounds.isValid()) { return; }
      var bar = map.getContainer().querySelector(".cajn-timebar");
      var legend = map.getContainer().querySelector(".cajn-legend[open]");
      map.fitBounds(bounds, {paddingTopLeft: [FIT_PADDING_PX + 20, FIT_PADDING_PX],
        paddingBottomRight: [FIT_PADDING_PX + (legend ? legend.offsetWidth : 0),
          FIT_PADDING_PX + (bar ? bar.offsetHeight : 0)], maxZoom: FIT_MAX_ZOOM});
    }
  });
  L.cajnZoomTo = function (payload, options) { return new L.CajnZoomTo(payload, options); };

  /* ---------- the map reports that it is drawn ---------- */

  /* Tell the hosting dashboard, once per frame, that the map and its events are drawn: the map
   * page holds back what lies below the map (record card, exports, table) until then, so that a
   * new session's first map does not share the page's one thread with them. The same channel as
   * clicks (see reportClick), in the field of streamlit-folium's that the payload names; only while
   * the page asks for that field (its returned_objects), so a page that knows already gets no
   * rerun. Outside the dashboard (an exported file) there is no one to tell. */
  L.CajnDrawnReport = L.Layer.extend({
    initialize: function (channel) { this._channel = channel; },
    onAdd: function (map) {
      var channel = this._channel, data = window.__GLOBAL_DATA__;
      if (!data || (data.returned_objects || []).indexOf(channel) < 0 || map._cajnDrawnReported) { return; }
      map._cajnDrawnReported = true;
      // The page's layers are added just after the map's own script, which adds this one.
      setTimeout(function () {
        Promise.all(eventLayers(map).map(function (layer) { return layer.ready; })).then(function () {
          requestAnimationFrame(function () {
            data[channel] = "drawn:" + Date.now();
            map.fire("moveend");
          });
        });
      }, 0);
    }
  });
  L.cajnDrawnReport = function (channel) { return new L.CajnDrawnReport(channel); };
}());
