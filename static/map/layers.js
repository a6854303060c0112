/* Map layers built from compact JSON payloads: events (circles, clusters, heat), styled
 * shapes and points (basemap, choropleth, borders, bases) and the legend.
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
    ".cajn-popup p{margin:6px 0}",
    ".cajn-popup ol{margin:2px 0 0;padding-left:18px}",
    ".cajn-note{color:#555;font-size:12px}",
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
    ".cajn-stamp strong{display:block;font-size:16px;margin-bottom:1px}"
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
   * sourcesLabel, note}; `figures` as figureTable takes them. */
  function popupContent(spec) {
    var box = el("div", null, spec.figures ? "cajn-popup cajn-wide" : "cajn-popup");
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
   * last_object_clicked_tooltip, which holds "selectionKey:index" (the events layer's `key`
   * option, then the event's position in the payload); geo/map/card.py's clicked_index decodes
   * it and ignores a click made on another selection. Outside the dashboard (an exported HTML
   * file) the global is absent and a click only opens the popup. */
  function reportClick(value) {
    if (window.__GLOBAL_DATA__) { window.__GLOBAL_DATA__.last_object_clicked_tooltip = value; }
  }

  /* Panes order the layers: basemap, then shaded countries, borders and bases, then events. */
  function ensurePane(map, name, zIndex) {
    if (name && !map.getPane(name)) { map.createPane(name).style.zIndex = zIndex || 400; }
  }

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
    },
    onAdd: function (map) {
      // The drawn basemap sits below any tile layer the user switches on.
      ensurePane(map, this.options.pane, this.options.paneZ);
      L.GeoJSON.prototype.onAdd.call(this, map);
    },
    _point: function (feature, latlng) {
      var p = feature.properties;
      if (p.point === "area") { return L.circle(latlng, L.extend({radius: p.radius_m}, p.style)); }
      return L.marker(latlng, {icon: shapeIcon(p.point, (p.style || {}).fillColor, 16), keyboard: false});
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
        var box = el("details", null, "cajn-legend");
        box.open = !options.collapsed;
        box.appendChild(el("summary", options.title || "Legend"));
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
    },
    onAdd: function (map) {
      ensurePane(map, this.options.pane, this.options.paneZ);
      L.FeatureGroup.prototype.onAdd.call(this, map);
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
      var color = this._payload.groups[this._cols.group[i]].color;
      var foiled = this._flag(i, "foiled") === 1;
      var vague = this._schema.vague_places.indexOf(this._flagValue(i, "location_precision")) >= 0;
      return {
        radius: this.radius(i), color: foiled ? color : "#222", weight: foiled ? 2 : 0.8,
        dashArray: foiled ? "3 3" : null, fillColor: color,
        fillOpacity: foiled ? 0.05 : (vague ? 0.35 : 0.75),
        pane: this.options.pane || "overlayPane", bubblingMouseEvents: true
      };
    },
    _draw: function () {
      var n = this._payload.n, self = this, order = new Array(n), i;
      for (i = 0; i < n; i++) { order[i] = i; }
      // Big circles first, so small ones stay clickable on top of them.
      order.sort(function (a, b) { return self._casualties(b) - self._casualties(a); });
      var markers = order.map(function (index) {
        var marker = L.circleMarker(self._latLng(index), self._markerOptions(index));
        marker._cajnIndex = index;
        return marker;
      });
      if (this.options.heat && L.heatLayer) {
        var points = [];
        for (i = 0; i < n; i++) {
          points.push(this._latLng(i).concat([1 + Math.log(1 + this._casualties(i))]));
        }
        this.addLayer(L.heatLayer(points, {radius: 22, blur: 18, maxZoom: 7, minOpacity: 0.3,
          gradient: this.options.gradient}));
      }
      if (!this.options.points) { return; }
      if (this.options.cluster && L.markerClusterGroup) {
        var cluster = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 45,
          showCoverageOnHover: false, spiderfyOnMaxZoom: true});
        cluster.addLayers(markers);
        this.addLayer(cluster);
      } else {
        markers.forEach(function (marker) { self.addLayer(marker); });
      }
    },
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
    _click: function (e) {
      var i = this._index(e);
      if (i === null || !this._map) { return; }
      var spec = this.popupSpec(i);
      L.popup({maxWidth: spec.figures ? 620 : 360, autoPanPaddingTopLeft: [60, 20]})
        .setLatLng(e.sourceTarget.getLatLng()).setContent(popupContent(spec)).openOn(this._map);
      reportClick(this.options.key + ":" + i);
    },
    getAttribution: function () { return this.options.attribution; }
  });
  L.cajnEvents = function (payload, options) { return new L.CajnEvents(payload, options); };
}());
